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
 * tell a page is missing. A value split by a page break repeats its label, marked "(continued)". It is
 * printed in English, Welsh or both ({@link DocumentLanguage}): the title and labels in the language
 * of their {@link org.caseshare.system.Text}, the values as they were given.
 */
public final class RecordSummaryDocument {

    private static final float SIZE = 10.5f;
    private static final float LEADING = 14;
    private static final float LABEL_WIDTH = 150;
    private static final float VALUE_X = MarkedPage.MARGIN + LABEL_WIDTH + 14;

    private RecordSummaryDocument() {
    }

    /** The summary in English. */
    public static void render(RecordSummary summary, OutputStream out) throws IOException {
        render(summary, DocumentLanguage.ENGLISH, out);
    }

    public static void render(RecordSummary summary, DocumentLanguage language, OutputStream out) throws IOException {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(language, "language");
        try (PDDocument document = new PDDocument()) {
            Tagged tags = Tagged.document(document, Phrase.text(DocumentLanguage.joined(language.each(summary.titleText()))), language);
            Structure structure = new Structure(tags);
            Fonts fonts = Fonts.embedded(document);
            List<List<Placed>> pages = layout(summary, language, fonts);
            for (int i = 0; i < pages.size(); i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (Canvas canvas = new Canvas(tags, document, page)) {
                    MarkedPage.header(canvas, fonts, summary.marking(), i + 1);
                    for (Placed text : pages.get(i)) {
                        if (text.part() == Part.CONTINUED) {
                            canvas.artifact(text.x(), text.y(), text.font(), text.size(), Phrase.text(text.line()));
                        } else {
                            canvas.into(structure.of(text)).text(text.x(), text.y(), text.font(), text.size(), text.line());
                        }
                    }
                    MarkedPage.footer(canvas, fonts, language, summary.marking(), i + 1, pages.size());
                }
            }
            tags.save(out);
        }
    }

    /**
     * A piece of text placed on a page; laid out first so the page count is known before drawing.
     * {@code row} is the field it belongs to, for the table a screen reader reads.
     */
    private record Placed(float x, float y, FontChain font, float size, List<Phrase> line, Part part, int row) {
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

        PDStructureElement of(Placed text) {
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

    private static List<List<Placed>> layout(RecordSummary summary, DocumentLanguage language, Fonts fonts) {
        List<List<Placed>> pages = new ArrayList<>();
        List<Placed> page = new ArrayList<>();
        pages.add(page);
        float y = MarkedPage.TOP;
        float width = PDRectangle.A4.getWidth() - 2 * MarkedPage.MARGIN;
        for (List<Phrase> line : DocumentLanguage.lines(printable(language, summary.titleText()), fonts.bold(), 16, width)) {
            page.add(new Placed(MarkedPage.MARGIN, y, fonts.bold(), 16, line, Part.TITLE, -1));
            y -= 21;
        }
        y -= 10;
        float valueWidth = PDRectangle.A4.getWidth() - MarkedPage.MARGIN - VALUE_X;
        String continued = language.plain("documents.summary.continued");
        int row = 0;
        for (RecordSummary.Field field : summary.fields()) {
            row++;
            List<List<Phrase>> labels = DocumentLanguage.lines(printable(language, field.labelText()), fonts.bold(), SIZE, LABEL_WIDTH);
            List<List<Phrase>> values = new ArrayList<>();
            for (String paragraph : PrintableText.paragraphs(field.value())) {
                Wrap.lines(paragraph, fonts.regular(), SIZE, valueWidth).forEach(line -> values.add(Phrase.line(line)));
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
                        page.add(new Placed(MarkedPage.MARGIN, y, fonts.bold(), SIZE,
                                Phrase.line(continued(Phrase.text(labels.get(0)), continued, fonts)), Part.CONTINUED, row));
                    }
                }
                if (i < labels.size()) {
                    page.add(new Placed(MarkedPage.MARGIN, y, fonts.bold(), SIZE, labels.get(i), Part.LABEL, row));
                }
                if (i < values.size()) {
                    page.add(new Placed(VALUE_X, y, fonts.regular(), SIZE, values.get(i), Part.VALUE, row));
                }
                y -= LEADING;
            }
            y -= 8;
        }
        return pages;
    }

    /** A title or label in each language printed, made printable. */
    private static List<List<Phrase>> printable(DocumentLanguage language, org.caseshare.system.Text text) {
        return language.each(locale -> PrintableText.line(DocumentLanguage.resolve(text, locale)));
    }

    /** "Chronology (continued)", or "(continued)" alone when the label's first line leaves no room. */
    private static String continued(String label, String continued, Fonts fonts) {
        String text = label + " (" + continued + ")";
        return Wrap.width(text, fonts.bold(), SIZE) <= LABEL_WIDTH ? text : "(" + continued + ")";
    }
}
