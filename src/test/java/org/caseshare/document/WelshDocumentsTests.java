package org.caseshare.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.caseshare.support.NoEnglishLeft;
import org.caseshare.support.Poppler;
import org.caseshare.system.Languages;
import org.caseshare.system.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The printed documents in Welsh, and in Welsh and English together (Welsh first, as the Welsh
 * Language Standards ask), read back by Poppler: the Welsh words are on the page, no catalogue
 * English is left in a Welsh one, the PDF says it is in Welsh, and in a bilingual one the English
 * is marked as English for a screen reader.
 */
class WelshDocumentsTests {

    private static final String ENGLISH_SPAN = "/Span <</Lang (en-GB)>>";

    @Test
    void theWelshFaxCoverSheetIsInWelsh() throws Exception {
        byte[] pdf = Pdfs.render(out -> FaxCoverSheet.render(FaxCoverSheetTests.COVER, DocumentLanguage.WELSH, out));

        String text = Pdfs.folded(Poppler.text(pdf));
        assertThat(text).contains("Ffacs", "Preifat a Chyfrinachol", "Ar gyfer y derbynnydd a enwir yn unig",
                "At sylw", "Dr Helen Marsh", "Oddi wrth", "Sam Okafor", "Y ffacs hwn", "Cyfeirnod", "Anfonwyd",
                "Dydd Mawrth 24 Tachwedd 2026, 10:15 GMT", "Nifer y tudalennau", "5, gan gynnwys y daflen glawr hon",
                "Os ydych wedi cael hwn drwy gamgymeriad, ffoniwch yr anfonwr ar unwaith a\u2019i ddinistrio.",
                "Rhif ffôn yr anfonwr: 0118 974 6000",
                "Derbynnydd: ffoniwch yr anfonwr ar 0118 974 6000 i gadarnhau bod pob un o\u2019r 5 tudalen wedi cyrraedd.",
                "Tudalen 1 o 5")
                .doesNotContain("Private", "Page 1 of 5", "Tuesday", "November");
        // Poppler reads the labels as a column; PDFBox reads each label with its value.
        assertThat(Pdfs.folded(Pdfs.text(pdf))).contains("Cyfeirnod WBC-2026-0042", "Anfonwyd Dydd Mawrth 24 Tachwedd 2026, 10:15 GMT",
                "Nifer y tudalennau 5, gan gynnwys y daflen glawr hon");
        NoEnglishLeft.assertNone(text, "Welsh fax cover sheet");
        assertThat(language(pdf)).isEqualTo("cy");
        assertThat(title(pdf)).isEqualTo("Taflen glawr ffacs WBC-2026-0042");
        assertThat(content(pdf)).as("nothing in English to mark").doesNotContain(ENGLISH_SPAN);
        Pdfs.screenshot(pdf, 1, "fax-cover-sheet-cy");
    }

    @Test
    void theBilingualFaxCoverSheetSaysEachThingInWelshThenEnglish() throws Exception {
        byte[] pdf = Pdfs.render(out -> FaxCoverSheet.render(FaxCoverSheetTests.COVER, DocumentLanguage.BOTH, out));

        String text = Pdfs.folded(Poppler.text(pdf));
        assertThat(text).containsSubsequence("Ffacs / Fax", "Preifat a Chyfrinachol", "Private and Confidential",
                "Ar gyfer y derbynnydd a enwir yn unig / For the named recipient only", "At sylw / For the attention of",
                "Enw / Name", "Oddi wrth / From", "Y ffacs hwn / This fax", "Cyfeirnod / Reference",
                "Dydd Mawrth 24 Tachwedd 2026, 10:15 GMT", "Tuesday 24 November 2026, 10:15 GMT",
                "5, gan gynnwys y daflen glawr hon", "5, including this cover sheet",
                "Os ydych wedi cael hwn drwy gamgymeriad", "If you receive this in error, telephone the sender at once and destroy it.",
                "Rhif ffôn yr anfonwr / Sender's telephone: 0118 974 6000",
                "i gadarnhau bod pob un o\u2019r 5 tudalen wedi cyrraedd.", "to confirm that all 5 pages have arrived.",
                "Tudalen 1 o 5 / Page 1 of 5");
        assertThat(Pdfs.folded(Pdfs.text(pdf))).contains("Cyfeirnod / Reference WBC-2026-0042",
                "Anfonwyd / Sent Dydd Mawrth 24 Tachwedd 2026, 10:15 GMT Tuesday 24 November 2026, 10:15 GMT");
        assertThat(Pdfs.pages(pdf)).isEqualTo(1);
        assertThat(language(pdf)).isEqualTo("cy");
        assertThat(title(pdf)).isEqualTo("Taflen glawr ffacs WBC-2026-0042 / Fax cover sheet WBC-2026-0042");
        assertThat(content(pdf)).contains(ENGLISH_SPAN);
        Pdfs.screenshot(pdf, 1, "fax-cover-sheet-cy-en");
    }

    /** The date reads in the language it is printed in, in summer time too. */
    @Test
    void theDateSentIsInWelshWords() throws Exception {
        FaxCover summer = new FaxCover("WBC-1", FaxCoverSheetTests.SENT.withMonth(6), FaxCoverSheetTests.ORIGINATOR,
                FaxCoverSheetTests.RECIPIENT, 2, "OFFICIAL");

        byte[] pdf = Pdfs.render(out -> FaxCoverSheet.render(summer, DocumentLanguage.WELSH, out));

        assertThat(Pdfs.folded(Poppler.text(pdf))).contains("Dydd Mercher 24 Mehefin 2026, 10:15 BST");
    }

    @ParameterizedTest
    @EnumSource(LabelFormat.class)
    void theWelshEnvelopeLabelsAreInWelshAndTheOuterOneStillSaysNothing(LabelFormat format) throws Exception {
        byte[] pdf = labels(format, DocumentLanguage.WELSH);

        String inner = Pdfs.folded(Pdfs.textIn(pdf, format.area(1)));
        assertThat(inner).startsWith("Preifat a Chyfrinachol \u2013 I\u2019w agor gan y Derbynnydd yn Unig")
                .contains("Priya Raman", "Detective Sergeant", "Thames Valley Police", "RG6 4PS")
                .contains("Os na ellir ei ddosbarthu, dychwelwch at: Wokingham Borough Council, Shute End, Wokingham, RG40 1BN");
        String outer = Pdfs.folded(Pdfs.textIn(pdf, format.area(2)));
        assertThat(outer).isEqualTo("Loddon Valley Police Station Rushey Way Lower Earley Reading RG6 4PS "
                + "Os na ellir ei ddosbarthu, dychwelwch at: Wokingham Borough Council, Shute End, Wokingham, RG40 1BN");
        String page = Pdfs.folded(Poppler.text(pdf));
        assertThat(page.split("Preifat", -1)).as("the marking once, on the inner label").hasSize(2);
        NoEnglishLeft.assertNone(page, "Welsh envelope labels " + format);
        assertThat(language(pdf)).isEqualTo("cy");
        assertThat(title(pdf)).isEqualTo("Labeli amlenni");
        if (format.plainPaper()) {
            assertThat(page).contains("Amlen fewnol \u2013 torrwch ar hyd y llinell doredig", "Amlen allanol");
        }
        Pdfs.screenshot(pdf, 1, "envelope-labels-cy-" + format.name().toLowerCase(Locale.ROOT));
    }

    @ParameterizedTest
    @EnumSource(LabelFormat.class)
    void theBilingualEnvelopeLabelsFitEveryFormat(LabelFormat format) throws Exception {
        byte[] pdf = labels(format, DocumentLanguage.BOTH);

        String inner = Pdfs.folded(Pdfs.textIn(pdf, format.area(1)));
        assertThat(inner).startsWith("Preifat a Chyfrinachol \u2013 I\u2019w agor gan y Derbynnydd yn Unig "
                + "Private and Confidential \u2013 To be opened by Addressee Only").contains("Priya Raman");
        String outer = Pdfs.folded(Pdfs.textIn(pdf, format.area(2)));
        assertThat(outer).isEqualTo("Loddon Valley Police Station Rushey Way Lower Earley Reading RG6 4PS "
                + "Os na ellir ei ddosbarthu, dychwelwch at / If undelivered, please return to: "
                + "Wokingham Borough Council, Shute End, Wokingham, RG40 1BN");
        assertThat(outer.toLowerCase(Locale.ROOT)).doesNotContain("private", "preifat", "cyfrinachol", "priya", "public protection", "thames valley police");
        assertThat(language(pdf)).isEqualTo("cy");
        assertThat(content(pdf)).contains(ENGLISH_SPAN);
        Pdfs.screenshot(pdf, 1, "envelope-labels-cy-en-" + format.name().toLowerCase(Locale.ROOT));
    }

    /** Labels from the catalogue print in the document's language; labels a caller wrote print as written. */
    static RecordSummary summary() {
        return new RecordSummary(Text.of("documents.fax.title", "WBC-2026-0042"), RecordSummaryDocumentTests.MARKING, List.of(
                new RecordSummary.Field(Text.of("documents.fax.reference"), "WBC-2026-0042"),
                new RecordSummary.Field(Text.of("documents.checklist.record.received-by"), "Dr Helen Marsh"),
                new RecordSummary.Field("O'Brien's note", "Written as it was typed.")));
    }

    @Test
    void theWelshRecordSummaryIsInWelsh() throws Exception {
        byte[] pdf = Pdfs.render(out -> RecordSummaryDocument.render(summary(), DocumentLanguage.WELSH, out));

        String text = Pdfs.folded(Poppler.text(pdf));
        assertThat(text).contains("Taflen glawr ffacs WBC-2026-0042", "Cyfeirnod WBC-2026-0042", "Derbyniwyd gan Dr Helen Marsh",
                "O'Brien's note Written as it was typed.", "Tudalen 1 o 1").doesNotContain("Page 1 of 1", "Reference");
        NoEnglishLeft.assertNone(text, "Welsh record summary");
        assertThat(language(pdf)).isEqualTo("cy");
        assertThat(title(pdf)).isEqualTo("Taflen glawr ffacs WBC-2026-0042");
        assertThat(summary().title()).as("in English for whoever asks").isEqualTo("Fax cover sheet WBC-2026-0042");
        assertThat(summary().fields().get(2).label()).isEqualTo("O'Brien's note");
    }

    @Test
    void theBilingualRecordSummaryHasBothAndAValueSplitByAPageReadsContinuedInBoth() throws Exception {
        List<RecordSummary.Field> fields = new ArrayList<>(summary().fields());
        fields.add(new RecordSummary.Field(Text.of("documents.fax.reference"), "A long entry that runs on. ".repeat(600)));
        RecordSummary longSummary = new RecordSummary(summary().titleText(), RecordSummaryDocumentTests.MARKING, fields);

        byte[] pdf = Pdfs.render(out -> RecordSummaryDocument.render(longSummary, DocumentLanguage.BOTH, out));

        String text = Pdfs.folded(Poppler.text(pdf));
        int pages = Pdfs.pages(pdf);
        assertThat(pages).isGreaterThan(1);
        assertThat(text).containsSubsequence("Taflen glawr ffacs WBC-2026-0042", "Fax cover sheet WBC-2026-0042",
                "Cyfeirnod / Reference WBC-2026-0042", "Derbyniwyd gan Received by Dr Helen Marsh", "O'Brien's note Written",
                "Tudalen 1 o " + pages + " / Page 1 of " + pages, "(parhad / continued)");
        assertThat(language(pdf)).isEqualTo("cy");
        assertThat(content(pdf)).contains(ENGLISH_SPAN);
        Pdfs.screenshot(pdf, 1, "record-summary-cy-en");
    }

    @Test
    void theWelshChecklistQuotesTheGuideInEnglishMarkedAsEnglish() throws Exception {
        byte[] pdf = Pdfs.render(out -> ReceivingFaxChecklist.render(DocumentLanguage.WELSH, out));

        String text = Pdfs.folded(Poppler.text(pdf));
        assertThat(text).startsWith("Derbyn gwybodaeth yn ddiogel drwy ffacs")
                .contains("Dyfynnir yn Saesneg o\u2019r canllaw \u201c" + ReceivingFaxChecklist.GUIDE + "\u201d",
                        "Mae\u2019r canllaw wedi gofyn i\u2019r anfonwr:", "Ffoniwch nhw pan fydd pob tudalen wedi cyrraedd.",
                        "Cofnod o\u2019r ffacs a dderbyniwyd", "Tudalennau a dderbyniwyd", "Derbyniwyd gan");
        assertThat(ReceivingFaxChecklist.SAFEGUARDS).allSatisfy(quote -> assertThat(text).contains(quote));
        assertThat(text).contains(ReceivingFaxChecklist.ACKNOWLEDGE);
        String translated = text;
        for (String quote : ReceivingFaxChecklist.SAFEGUARDS) {
            translated = translated.replace(quote, "");
        }
        NoEnglishLeft.assertNone(translated.replace(ReceivingFaxChecklist.ACKNOWLEDGE, ""), "Welsh receiving fax checklist");
        assertThat(language(pdf)).isEqualTo("cy");
        assertThat(content(pdf)).as("the guide's words, quoted in English").contains(ENGLISH_SPAN);
        Pdfs.screenshot(pdf, 1, "receiving-fax-checklist-cy");
    }

    @Test
    void theBilingualChecklistHasBoth() throws Exception {
        byte[] pdf = Pdfs.render(out -> ReceivingFaxChecklist.render(DocumentLanguage.BOTH, out));

        assertThat(Pdfs.folded(Poppler.text(pdf))).containsSubsequence("Derbyn gwybodaeth yn ddiogel drwy ffacs",
                ReceivingFaxChecklist.TITLE, "Mae\u2019r canllaw wedi gofyn i\u2019r anfonwr:", "The sender has been asked by the guide to:",
                "Cofnod o\u2019r ffacs a dderbyniwyd / Record of the fax received", "Derbyniwyd gan / Received by");
        Pdfs.screenshot(pdf, 1, "receiving-fax-checklist-cy-en");
    }

    @Test
    void englishIsTheDefaultAndTheLanguageOfALocaleIsWelshOnlyForWelsh() throws Exception {
        assertThat(DocumentLanguage.of(Locale.forLanguageTag("cy-GB"))).isEqualTo(DocumentLanguage.WELSH);
        assertThat(DocumentLanguage.of(Locale.UK)).isEqualTo(DocumentLanguage.ENGLISH);
        assertThat(DocumentLanguage.of(Locale.GERMAN)).isEqualTo(DocumentLanguage.ENGLISH);
        assertThat(DocumentLanguage.BOTH.locales()).extracting(Locale::getLanguage).containsExactly("cy", "en");

        byte[] plain = Pdfs.render(out -> FaxCoverSheet.render(FaxCoverSheetTests.COVER, out));
        byte[] english = Pdfs.render(out -> FaxCoverSheet.render(FaxCoverSheetTests.COVER, DocumentLanguage.ENGLISH, out));
        assertThat(language(plain)).isEqualTo("en-GB");
        assertThat(content(english)).isEqualTo(content(plain)).doesNotContain(ENGLISH_SPAN);
    }

    /** The words the pages that print documents show: each label format's description, and a refusal to print. */
    @Test
    void theWordsAboutDocumentsArePutIntoWelshToo() {
        assertThat(LabelFormat.AVERY_L7165.description()).isEqualTo("Avery L7165, 99.1 \u00d7 67.7 mm, 8 per sheet");
        for (LabelFormat format : LabelFormat.values()) {
            String english = format.text().resolve(Locale.ENGLISH);
            assertThat(english).as(format.name()).isEqualTo(format.description()).doesNotStartWith("documents.");
            assertThat(format.text().resolve(Languages.WELSH)).as(format.name()).isNotEqualTo(english);
        }
        UnprintableCharacterException refused = new UnprintableCharacterException(0x1F600);
        assertThat(refused.getMessage()).isEqualTo("The document cannot be printed: it contains the character U+1F600 GRINNING FACE,"
                + " which none of its fonts can show. Remove or replace it where it was typed.");
        assertThat(refused.text().resolve(Locale.ENGLISH)).isEqualTo(refused.getMessage());
        assertThat(refused.text().resolve(Languages.WELSH)).startsWith("Ni ellir argraffu\u2019r ddogfen").contains("U+1F600 GRINNING FACE");
    }

    /** A phrase wrapped over lines keeps each part's language, and the lines read back as the text. */
    @Test
    void wrappingKeepsEachPhrasesLanguage() throws Exception {
        try (PDDocument document = new PDDocument()) {
            FontChain font = Fonts.embedded(document).regular();
            List<Phrase> phrases = List.of(Phrase.of("Ffoniwch nhw pan fydd pob tudalen wedi cyrraedd."), Phrase.of(" / "),
                    new Phrase("Telephone them once every page has arrived.", "en-GB"));

            List<List<Phrase>> lines = Phrase.wrap(phrases, font, 12, 200);

            assertThat(lines).hasSizeGreaterThan(2);
            assertThat(String.join(" ", lines.stream().map(Phrase::text).toList())).isEqualTo(Phrase.text(phrases));
            assertThat(lines.get(lines.size() - 1)).allSatisfy(part -> assertThat(part.language()).isEqualTo("en-GB"));
            assertThat(lines.get(0)).allSatisfy(part -> assertThat(part.language()).isNull());
        }
    }

    private static byte[] labels(LabelFormat format, DocumentLanguage language) throws Exception {
        return Pdfs.render(out -> EnvelopeLabels.render(EnvelopeLabelsTests.RECIPIENT, EnvelopeLabelsTests.SENDER, format, language, out));
    }

    private static String language(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getDocumentCatalog().getLanguage();
        }
    }

    private static String title(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getDocumentInformation().getTitle();
        }
    }

    /** Every page's content stream, as the marked-content operators are written. */
    private static String content(byte[] pdf) throws Exception {
        StringBuilder content = new StringBuilder();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                try (InputStream in = page.getContents()) {
                    content.append(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return content.toString();
    }
}
