package org.caseshare.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.caseshare.support.NameCorpus;
import org.caseshare.support.Poppler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every document prints each name and address of the corpus as typed, in embedded fonts, read back by Poppler. */
class EveryScriptTests {

    static final List<NameCorpus.Entry> CORPUS = NameCorpus.ENTRIES;
    static final ReturnAddress SENDER = new ReturnAddress("Cyngor Sir Ceredigion", PostalAddress.of("Canolfan Rheidol", "Aberystwyth", "SY23 3UE"));

    @ParameterizedTest
    @FieldSource("CORPUS")
    void theEnvelopeLabelsPrintTheNameAndAddressAsTyped(NameCorpus.Entry entry) throws Exception {
        Addressee addressee = new Addressee(entry.name(), "", "Gofal Cymdeithasol", "Cyngor Sir Ceredigion",
                PostalAddress.of(entry.addressLine(), "SY23 1AA"));

        byte[] pdf = Pdfs.render(out -> EnvelopeLabels.render(addressee, SENDER, LabelFormat.A4_SHEET, out));

        assertPrinted(Poppler.text(pdf), entry.name(), entry.addressLine());
        assertEveryFontEmbedded(pdf);
    }

    @ParameterizedTest
    @FieldSource("CORPUS")
    void theFaxCoverSheetPrintsTheNameAsTyped(NameCorpus.Entry entry) throws Exception {
        FaxCover cover = new FaxCover("CS-2026-00021", FaxCoverSheetTests.SENT, new FaxOriginator(entry.name(), "Cyngor Sir Ceredigion",
                "01970 617911"), new FaxRecipient(entry.name(), "Ysbyty Bronglais", "01970 623131"), 2, "OFFICIAL-SENSITIVE");

        byte[] pdf = Pdfs.render(out -> FaxCoverSheet.render(cover, out));

        assertPrinted(Poppler.text(pdf), entry.name());
        assertEveryFontEmbedded(pdf);
    }

    @Test
    void aRecordSummaryPrintsEveryNameAndAddressAsTyped() throws Exception {
        List<RecordSummary.Field> fields = new ArrayList<>();
        for (NameCorpus.Entry entry : CORPUS) {
            fields.add(new RecordSummary.Field(entry.name(), entry.name() + "\n" + entry.addressLine()));
        }

        byte[] pdf = Pdfs.render(out -> RecordSummaryDocument.render(new RecordSummary("Sharing recorded", "OFFICIAL-SENSITIVE", fields), out));

        String text = Poppler.text(pdf);
        for (NameCorpus.Entry entry : CORPUS) {
            assertPrinted(text, entry.name(), entry.addressLine());
        }
        assertEveryFontEmbedded(pdf);
        assertThat(Poppler.fonts(pdf)).extracting(font -> font[0].substring(font[0].indexOf('+') + 1))
                .contains("NotoSans-Regular", "NotoSansArabic-Regular", "NotoSansBengali-Regular", "NotoSansDevanagari-Regular",
                        "NotoSansGurmukhi-Regular", "WenQuanYiMicroHei");
        Pdfs.screenshot(pdf, 1, "record-summary-every-script");
    }

    @Test
    void aCharacterNoFontHasRefusesTheDocumentNamingIt() {
        Addressee addressee = new Addressee("Siân \uD83D\uDE00 Llŷr", "", "Gofal Cymdeithasol", "Cyngor Sir Ceredigion",
                PostalAddress.of("1 Ffordd Ŵyn", "SY23 1AA"));

        assertThatThrownBy(() -> EnvelopeLabels.render(addressee, SENDER, LabelFormat.A4_SHEET, new java.io.ByteArrayOutputStream()))
                .isInstanceOf(UnprintableCharacterException.class)
                .hasMessageContaining("U+1F600 GRINNING FACE")
                .hasMessageNotContaining("Siân");
    }

    @Test
    void anUnpairedSurrogateIsRefusedNotDropped() {
        RecordSummary summary = new RecordSummary("Sharing recorded", "OFFICIAL", List.of(new RecordSummary.Field("Person", "Ann\uD800")));

        assertThatThrownBy(() -> RecordSummaryDocument.render(summary, new java.io.ByteArrayOutputStream()))
                .isInstanceOf(UnprintableCharacterException.class).hasMessageContaining("U+D800 (an unpaired surrogate)");
    }

    /**
     * Each string is in the text as typed. pdftotext puts the pieces of a line that mixes directions
     * (Arabic with a house number) in the order they stand on the page, left to right, so for such a
     * line each word is looked for instead; the page itself shows them right to left, as typed.
     */
    static void assertPrinted(String text, String... typed) {
        for (String expected : typed) {
            boolean mixed = expected.codePoints().anyMatch(c -> Character.getDirectionality(c) == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC)
                    && expected.codePoints().anyMatch(Character::isDigit);
            if (mixed) {
                assertThat(text).contains(expected.split("[\\s\u060c]+"));
            } else {
                assertThat(text).contains(expected);
            }
        }
    }

    private static void assertEveryFontEmbedded(byte[] pdf) throws Exception {
        assertThat(Poppler.fonts(pdf)).isNotEmpty().allSatisfy(font -> assertThat(font[1]).as(font[0] + " embedded").isEqualTo("yes"));
    }
}
