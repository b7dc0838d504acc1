package org.caseshare.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Whatever a name or value holds, Helvetica can print what is left of it, and nothing hidden survives. */
class PrintableTextProperties {

    private static final PDType1Font HELVETICA_BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    @Property(tries = 2000)
    void everyCharacterLeftCanBeEncodedAndNoneIsInvisible(@ForAll("anything") String text) throws Exception {
        String printable = PrintableText.line(text);

        HELVETICA_BOLD.encode(printable);
        assertThat(printable.chars()).noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || (c >= 0xD800 && c <= 0xDFFF));
        assertThat(printable).doesNotContain("  ").isEqualTo(printable.strip());
    }

    @Property(tries = 150)
    void anyNameRendersOnEveryDocument(@ForAll("anything") String name) throws Exception {
        String safe = name.length() > PostalAddress.MAX_LINE_LENGTH ? name.substring(0, PostalAddress.MAX_LINE_LENGTH) : name;
        String oneLine = safe.replaceAll("[\\r\\n]", " ").isBlank() ? "x" : safe.replaceAll("[\\r\\n]", " ");
        Addressee addressee = new Addressee(oneLine, oneLine, oneLine, oneLine, PostalAddress.of(oneLine, "RG1 1AA"));

        EnvelopeLabels.render(addressee, EnvelopeLabelsTests.SENDER, LabelFormat.AVERY_L7165, new ByteArrayOutputStream());
        RecordSummaryDocument.render(new RecordSummary(oneLine, "OFFICIAL", List.of(new RecordSummary.Field(oneLine, name))),
                new ByteArrayOutputStream());
        FaxCoverSheet.render(new FaxCover("R-1", FaxCoverSheetTests.SENT, new FaxOriginator(oneLine, oneLine, "0118 974 6000"),
                new FaxRecipient(oneLine, oneLine, "0118 974 6001"), 2, "OFFICIAL"), new ByteArrayOutputStream());
    }

    @Provide
    Arbitrary<String> anything() {
        String nasty = "\u202e\u202d\u2066\u200b\u200f\ufeff\u0000\u0007\t\u00a0\u2028\u0301\u0308\u00eb\u015c\u0175"
                + "\u0645\u05d1\u5317\ud83d\ude00\ud800\udc00\u2603\u2013\u20ac";
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(120),
                Arbitraries.strings().withChars(nasty.toCharArray()).withChars('a', 'z').withChars(' ').ofMaxLength(120));
    }
}
