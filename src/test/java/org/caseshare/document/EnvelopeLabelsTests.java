package org.caseshare.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnvelopeLabelsTests {

    static final Addressee RECIPIENT = new Addressee("Priya Raman", "Detective Sergeant", "Public Protection Unit",
            "Thames Valley Police", PostalAddress.of("Loddon Valley Police Station", "Rushey Way", "Lower Earley",
                    "Reading", "RG6 4PS"));
    static final ReturnAddress SENDER = new ReturnAddress("Wokingham Borough Council",
            PostalAddress.of("Shute End", "Wokingham", "RG40 1BN"));

    @ParameterizedTest
    @EnumSource(LabelFormat.class)
    void theInnerLabelCarriesTheMarkingTheAddresseeAndTheReturnAddress(LabelFormat format) throws Exception {
        byte[] pdf = Pdfs.render(out -> EnvelopeLabels.render(RECIPIENT, SENDER, format, out));

        String inner = Pdfs.folded(Pdfs.textIn(pdf, format.area(1)));
        assertThat(inner).startsWith("Private and Confidential \u2013 To be opened by Addressee Only")
                .contains("Priya Raman", "Detective Sergeant", "Public Protection Unit", "Thames Valley Police",
                        "Loddon Valley Police Station", "Rushey Way", "RG6 4PS")
                .contains("return to: Wokingham Borough Council, Shute End, Wokingham, RG40 1BN");
        Pdfs.screenshot(pdf, 1, "envelope-labels-" + format.name().toLowerCase());
    }

    @ParameterizedTest
    @EnumSource(LabelFormat.class)
    void theOuterLabelCarriesOnlyTheAddressAndTheReturnAddress(LabelFormat format) throws Exception {
        byte[] pdf = Pdfs.render(out -> EnvelopeLabels.render(RECIPIENT, SENDER, format, out));

        String outer = Pdfs.folded(Pdfs.textIn(pdf, format.area(2)));
        assertThat(outer).isEqualTo("Loddon Valley Police Station Rushey Way Lower Earley Reading RG6 4PS "
                + "If undelivered, please return to: Wokingham Borough Council, Shute End, Wokingham, RG40 1BN");
        assertThat(outer.toLowerCase()).doesNotContain("private", "confidential", "addressee", "priya", "raman",
                "sergeant", "public protection", "thames valley police");
        // Nothing else on the page says it either: the marking appears once, on the inner label.
        assertThat(Pdfs.folded(Pdfs.text(pdf)).split("Private", -1)).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(LabelFormat.class)
    void oddCharactersPrintAsTypedAndInvisibleOnesAreLeftOut(LabelFormat format) throws Exception {
        Addressee odd = new Addressee("Zo\u00eb \u015cmith \u202Eevil\u202C", "\u0645\u062f\u064a\u0631 Lead",
                "Siân\u0000 Ó Briain\u200b Team", "Org \u0007", PostalAddress.of("1 R\u00fcbezahl Stra\u00dfe",
                        "\u5317\u4eac", "RG1 1AA"));

        byte[] pdf = Pdfs.render(out -> EnvelopeLabels.render(odd, SENDER, format, out));

        String inner = Pdfs.folded(Pdfs.textIn(pdf, format.area(1)));
        assertThat(inner).contains("Zo\u00eb \u015cmith evil", "Si\u00e2n \u00d3 Briain Team", "1 R\u00fcbezahl Stra\u00dfe", "\u5317\u4eac")
                .doesNotContain("\u202E", "\u200b", "?");
    }

    @Test
    void aPartUsedSheetIsUsedFromTheFirstFreeLabel() throws Exception {
        byte[] pdf = Pdfs.render(out -> EnvelopeLabels.render(RECIPIENT, SENDER, LabelFormat.AVERY_L7163, 13, out));

        assertThat(Pdfs.folded(Pdfs.textIn(pdf, LabelFormat.AVERY_L7163.area(13)))).startsWith("Private and Confidential");
        assertThat(Pdfs.folded(Pdfs.textIn(pdf, LabelFormat.AVERY_L7163.area(14)))).startsWith("Loddon Valley");
        assertThat(Pdfs.folded(Pdfs.textIn(pdf, LabelFormat.AVERY_L7163.area(1)))).isEmpty();
        assertThatThrownBy(() -> EnvelopeLabels.render(RECIPIENT, SENDER, LabelFormat.AVERY_L7163, 14, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("14");
    }

    @Test
    void theLongestAddressFitsTheA4SheetAndASmallLabelSaysWhenItDoesNot() throws Exception {
        String longest = "W".repeat(Addressee.MAX_LENGTH);
        String line = "W".repeat(PostalAddress.MAX_LINE_LENGTH);
        PostalAddress address = new PostalAddress(Collections.nCopies(PostalAddress.MAX_LINES, line));
        Addressee huge = new Addressee(longest, longest, longest, longest, address);
        ReturnAddress hugeReturn = new ReturnAddress(longest, address);

        byte[] pdf = Pdfs.render(out -> EnvelopeLabels.render(huge, hugeReturn, LabelFormat.A4_SHEET, out));
        assertThat(Pdfs.folded(Pdfs.textIn(pdf, LabelFormat.A4_SHEET.area(1))).replaceAll("[ ,]", ""))
                .contains(longest.repeat(4) + line.repeat(6));
        assertThatThrownBy(() -> EnvelopeLabels.render(huge, hugeReturn, LabelFormat.AVERY_L7163, new ByteArrayOutputStream()))
                .isInstanceOf(TextDoesNotFitException.class).hasMessageContaining("larger label format");
    }

    @Test
    void theValueRecordsRefuseWhatCannotBePrinted() {
        assertThatThrownBy(() -> new Addressee(" ", null, "Team", "Org", PostalAddress.of("RG1 1AA")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> new Addressee("A", null, "", "Org", PostalAddress.of("RG1 1AA")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("department");
        assertThatThrownBy(() -> PostalAddress.of()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostalAddress.of("a", "b", "c", "d", "e", "f", "g")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostalAddress.of("1 High St\nRG1 1AA")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one line");
        assertThat(new Addressee(" Priya ", null, "Team", "Org", PostalAddress.of("RG1 1AA")).jobTitle()).isEmpty();
    }
}
