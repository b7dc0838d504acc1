package org.caseshare.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.junit.jupiter.api.Test;

class RecordSummaryDocumentTests {

    static final String MARKING = "OFFICIAL-SENSITIVE [PERSONAL]";
    static final RecordSummary SUMMARY = new RecordSummary("Information shared: WBC-2026-0042", MARKING, List.of(
            new RecordSummary.Field("Reference", "WBC-2026-0042"),
            new RecordSummary.Field("Recipient", "Dr Helen Marsh, Consultant Paediatrician, Royal Berkshire Hospital"),
            new RecordSummary.Field("Purpose", "Continuity of care after discharge.\nAgreed at the strategy meeting of 20 November."),
            new RecordSummary.Field("Limits to consent", "Not to be shared with the school."),
            new RecordSummary.Field("Optional note", null)));

    @Test
    void theSummaryShowsTitleAndEveryLabelledValue() throws Exception {
        byte[] pdf = Pdfs.render(out -> RecordSummaryDocument.render(SUMMARY, out));

        assertThat(Pdfs.pages(pdf)).isEqualTo(1);
        String text = Pdfs.folded(Pdfs.text(pdf));
        assertThat(text).contains("Information shared: WBC-2026-0042", "Reference WBC-2026-0042",
                "Recipient Dr Helen Marsh, Consultant Paediatrician, Royal Berkshire Hospital",
                "Purpose Continuity of care after discharge. Agreed at the strategy meeting of 20 November.",
                "Limits to consent Not to be shared with the school.", "Optional note", "Page 1 of 1");
        Pdfs.screenshot(pdf, 1, "record-summary");
    }

    /** What a screen reader walks: the marking, the title as a heading, then a table of label and value per field. */
    @Test
    void theStructureReadsInOrderAsAHeadingAndATableOfFields() throws Exception {
        byte[] pdf = Pdfs.render(out -> RecordSummaryDocument.render(SUMMARY, out));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(document.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo(SUMMARY.title());
            PDStructureElement root = (PDStructureElement) document.getDocumentCatalog().getStructureTreeRoot().getKids().get(0);
            assertThat(types(root)).containsExactly("P", "H1", "Table");
            PDStructureElement table = (PDStructureElement) root.getKids().get(2);
            assertThat(table.getKids()).hasSize(SUMMARY.fields().size());
            for (Object row : table.getKids()) {
                assertThat(types((PDStructureElement) row)).containsExactly("TH", "TD");
            }
        }
    }

    private static List<String> types(PDStructureElement element) {
        return element.getKids().stream().filter(PDStructureElement.class::isInstance)
                .map(kid -> ((PDStructureElement) kid).getStructureType()).toList();
    }

    @Test
    void everyPageIsMarkedTopAndBottomAndNumbered() throws Exception {
        List<RecordSummary.Field> fields = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            fields.add(new RecordSummary.Field("Item " + i, "Value of item " + i));
        }
        fields.add(new RecordSummary.Field("Chronology", "A long entry that runs on. ".repeat(600)));
        RecordSummary longSummary = new RecordSummary("Chronology", MARKING, fields);

        byte[] pdf = Pdfs.render(out -> RecordSummaryDocument.render(longSummary, out));

        int pages = Pdfs.pages(pdf);
        assertThat(pages).isGreaterThan(3);
        for (int page = 1; page <= pages; page++) {
            List<String> lines = lines(Pdfs.text(pdf, page));
            assertThat(lines.get(0)).as("top of page %d", page).isEqualTo(MARKING);
            assertThat(lines.get(lines.size() - 1)).as("bottom of page %d", page).isEqualTo(MARKING);
            assertThat(lines).as("page %d", page).contains("Page " + page + " of " + pages);
        }
        String all = Pdfs.folded(Pdfs.text(pdf));
        assertThat(all).contains("Item 1 Value of item 1", "Item 60 Value of item 60", "Chronology (continued)");
        // Nothing is lost at the page breaks: without the markings, page numbers and repeated label
        // the chronology reads on unbroken.
        String body = String.join(" ", lines(Pdfs.text(pdf)).stream()
                .filter(line -> !line.equals(MARKING) && !line.matches("Page \\d+ of \\d+")).toList())
                .replace("Chronology (continued) ", "");
        assertThat(body).contains("Chronology " + "A long entry that runs on. ".repeat(600).strip());
        Pdfs.screenshot(pdf, 3, "record-summary-page-3");
    }

    @Test
    void oddCharactersNeverStopTheSummaryPrinting() throws Exception {
        RecordSummary odd = new RecordSummary("Zo\u00eb \u015c \u0175", "OFFICIAL \u202E", List.of(
                new RecordSummary.Field("Name \u0007", "\u202Eevil\u202C Zo\u00eb\t\u015cmith\r\nsecond line \u4e8c"),
                new RecordSummary.Field("\u0645\u0644\u0627\u062d\u0638\u0629", "W".repeat(300))));

        byte[] pdf = Pdfs.render(out -> RecordSummaryDocument.render(odd, out));

        String text = Pdfs.folded(Pdfs.text(pdf));
        assertThat(text).contains("Zo\u00eb \u015c \u0175", "evil Zo\u00eb \u015cmith second line \u4e8c").doesNotContain("\u202E", "?");
        assertThat(text.replace(" ", "")).contains("W".repeat(300));
    }

    @Test
    void theValueRecordsRefuseWhatCannotBePrinted() {
        assertThatThrownBy(() -> new RecordSummary("Title", MARKING, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fields");
        assertThatThrownBy(() -> new RecordSummary("Title", "", List.of(new RecordSummary.Field("a", "b"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("marking");
        assertThatThrownBy(() -> new RecordSummary.Field(" ", "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label");
        assertThatThrownBy(() -> new RecordSummary.Field("a", "x".repeat(RecordSummary.Field.MAX_VALUE_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
