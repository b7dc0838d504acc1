package org.caseshare.document;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;

/**
 * Prints a {@link RecordSummary}: the title, then label and value in two columns, flowing over as
 * many A4 pages as it needs, each marked top and bottom and numbered "Page n of N" so a reader can
 * tell a page is missing. A value split by a page break repeats its label, marked "(continued)".
 */
public final class RecordSummaryDocument {

    private static final float SIZE = 10.5f;
    private static final float LEADING = 14;
    private static final float LABEL_WIDTH = 150;
    private static final float VALUE_X = MarkedPage.MARGIN + LABEL_WIDTH + 14;

    private RecordSummaryDocument() {
    }

    public static void render(RecordSummary summary, OutputStream out) throws IOException {
        Objects.requireNonNull(summary, "summary");
        try (PDDocument document = new PDDocument()) {
            Tagged tags = Tagged.document(document, summary.title());
            Structure structure = new Structure(tags);
            Fonts fonts = Fonts.embedded(document);
            List<List<Text>> pages = layout(summary, fonts);
            for (int i = 0; i < pages.size(); i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (Canvas canvas = new Canvas(tags, document, page)) {
                    MarkedPage.header(canvas, fonts, summary.marking(), i + 1);
                    for (Text text : pages.get(i)) {
                        if (text.part() == Part.CONTINUED) {
                            canvas.artifact(text.x(), text.y(), text.font(), text.size(), text.printable());
                        } else {
                            canvas.into(structure.of(text)).text(text.x(), text.y(), text.font(), text.size(), text.printable());
                        }
                    }
                    MarkedPage.footer(canvas, fonts, summary.marking(), i + 1, pages.size());
                }
            }
            tags.save(out);
        }
    }

    /**
     * A piece of text placed on a page; laid out first so the page count is known before drawing.
     * {@code row} is the field it belongs to, for the table a screen reader reads.
     */
    private record Text(float x, float y, FontChain font, float size, String printable, Part part, int row) {
    }

    private enum Part { TITLE, LABEL, VALUE, CONTINUED }

    /** The title as a heading, then the fields as a table of rows, each a header cell (the label) and its value. */
    private static final class Structure {
        private final Tagged tags;
        private final Map<Integer, PDStructureElement> labels = new HashMap<>();
        private final Map<Integer, PDStructureElement> values = new HashMap<>();
        private PDStructureElement title;
        private PDStructureElement table;

        Structure(Tagged tags) {
            this.tags = tags;
        }

        PDStructureElement of(Text text) {
            if (text.part() == Part.TITLE) {
                if (title == null) {
                    title = tags.element(StandardStructureTypes.H1, tags.root());
                }
                return title;
            }
            if (table == null) {
                table = tags.element(StandardStructureTypes.TABLE, tags.root());
            }
            if (!labels.containsKey(text.row())) {
                // Both cells at once, so every row has two columns even when the value is blank.
                PDStructureElement row = tags.element(StandardStructureTypes.TR, table);
                PDStructureElement header = tags.element(StandardStructureTypes.TH, row);
                PDTableAttributeObject scope = new PDTableAttributeObject();
                scope.setScope(PDTableAttributeObject.SCOPE_ROW);
                header.addAttribute(scope);
                labels.put(text.row(), header);
                values.put(text.row(), tags.element(StandardStructureTypes.TD, row));
            }
            return (text.part() == Part.LABEL ? labels : values).get(text.row());
        }
    }

    private static List<List<Text>> layout(RecordSummary summary, Fonts fonts) {
        List<List<Text>> pages = new ArrayList<>();
        List<Text> page = new ArrayList<>();
        pages.add(page);
        float y = MarkedPage.TOP;
        float width = PDRectangle.A4.getWidth() - 2 * MarkedPage.MARGIN;
        for (String line : Wrap.lines(PrintableText.line(summary.title()), fonts.bold(), 16, width)) {
            page.add(new Text(MarkedPage.MARGIN, y, fonts.bold(), 16, line, Part.TITLE, -1));
            y -= 21;
        }
        y -= 10;
        float valueWidth = PDRectangle.A4.getWidth() - MarkedPage.MARGIN - VALUE_X;
        int row = 0;
        for (RecordSummary.Field field : summary.fields()) {
            row++;
            List<String> labels = Wrap.lines(PrintableText.line(field.label()), fonts.bold(), SIZE, LABEL_WIDTH);
            List<String> values = new ArrayList<>();
            for (String paragraph : PrintableText.paragraphs(field.value())) {
                values.addAll(Wrap.lines(paragraph, fonts.regular(), SIZE, valueWidth));
            }
            // Keep a short row together rather than leave its label alone at the foot of a page.
            int keep = Math.min(Math.max(labels.size(), values.size()), 3);
            if (y - keep * LEADING < MarkedPage.BOTTOM) {
                page = new ArrayList<>();
                pages.add(page);
                y = MarkedPage.TOP;
            }
            int lines = Math.max(labels.size(), values.size());
            for (int i = 0; i < lines; i++) {
                if (y < MarkedPage.BOTTOM) {
                    page = new ArrayList<>();
                    pages.add(page);
                    y = MarkedPage.TOP;
                    if (i >= labels.size()) {
                        page.add(new Text(MarkedPage.MARGIN, y, fonts.bold(), SIZE, continued(labels.get(0), fonts), Part.CONTINUED, row));
                    }
                }
                if (i < labels.size()) {
                    page.add(new Text(MarkedPage.MARGIN, y, fonts.bold(), SIZE, labels.get(i), Part.LABEL, row));
                }
                if (i < values.size()) {
                    page.add(new Text(VALUE_X, y, fonts.regular(), SIZE, values.get(i), Part.VALUE, row));
                }
                y -= LEADING;
            }
            y -= 8;
        }
        return pages;
    }

    private static String continued(String label, Fonts fonts) {
        String text = label + " (continued)";
        return Wrap.width(text, fonts.bold(), SIZE) <= LABEL_WIDTH ? text : "(continued)";
    }
}
