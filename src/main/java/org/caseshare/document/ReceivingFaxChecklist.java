package org.caseshare.document;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.caseshare.system.Catalogue;
import org.caseshare.system.Languages;

/**
 * A one-page checklist for whoever receives a fax, quoting the guide's "Receiving information
 * securely by fax" safeguards word for word, with space to record the fax as it arrives. It is a
 * blank form, so it carries no protective marking until someone fills it in. In Welsh, or in both
 * languages, its own words are translated; the guide's words are quoted in English, as written, and
 * marked as English for a screen reader.
 */
public final class ReceivingFaxChecklist {

    public static final String TITLE = Catalogue.text(Languages.ENGLISH, "documents.checklist.title");
    /** The guide's title, quoted as it is. */
    static final String GUIDE = "How to share personal information securely, on a case-by-case basis";

    /** The guide's bullets under "Receiving information securely by fax", verbatim. */
    public static final List<String> SAFEGUARDS = List.of(
            "If receiving information by fax, consider the location of your fax machine. Is it in a secure environment?",
            "If not in a secure environment then you must ensure that you are on hand to receive the fax. If you do not "
                    + "have a secure fax or if you receive faxes outside of office hours, you should consider a "
                    + "'fax-to-email' solution.");

    /** The sender's side of the same exchange, quoted so the receiver knows what to expect. */
    public static final String ACKNOWLEDGE = "Ask them to wait at the fax machine and acknowledge receipt of the fax.";

    private static final List<String> RECORD = List.of("expected-from", "their-reference", "pages-expected",
            "pages-received", "received-by", "received-at", "sender-told");
    /** The writing line starts here, right of the labels. */
    private static final float LINE_X = 200;

    private ReceivingFaxChecklist() {
    }

    /** The checklist in English. */
    public static void render(OutputStream out) throws IOException {
        render(DocumentLanguage.ENGLISH, out);
    }

    public static void render(DocumentLanguage language, OutputStream out) throws IOException {
        Objects.requireNonNull(language, "language");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            Tagged tags = Tagged.document(document, language.plain("documents.checklist.title"), language);
            Fonts fonts = Fonts.embedded(document);
            float left = MarkedPage.MARGIN;
            float width = PDRectangle.A4.getWidth() - 2 * left;
            String quoted = language.languageOf(Languages.ENGLISH);
            try (Canvas canvas = new Canvas(tags, document, page)) {
                float y = 770;
                canvas.into(canvas.element(StandardStructureTypes.H1));
                for (List<Phrase> line : DocumentLanguage.lines(language.each("documents.checklist.title"), fonts.bold(), 20, width)) {
                    canvas.text(left, y, fonts.bold(), 20, line);
                    y -= 24;
                }
                y += 4;
                canvas.into(null);
                for (List<Phrase> line : DocumentLanguage.lines(language.each("documents.checklist.source",
                        new DocumentLanguage.Quote(GUIDE)), fonts.regular(), 10, width)) {
                    canvas.text(left, y, fonts.regular(), 10, line);
                    y -= 13;
                }
                y -= 22;
                for (String safeguard : SAFEGUARDS) {
                    y = checkbox(canvas, fonts, y, width, List.of(new Phrase(safeguard, quoted)));
                }
                y -= 10;
                y = heading(canvas, fonts, y, 13, width, language.each("documents.checklist.sender-asked"));
                y = checkbox(canvas, fonts, y - 24 + 18, width, Phrase.then(List.of(new Phrase("\u201c" + ACKNOWLEDGE + "\u201d", quoted),
                        Phrase.of(" ")), language.joined("documents.checklist.telephone-them").toArray(Phrase[]::new)));
                y -= 18;
                y = heading(canvas, fonts, y, 14, width, language.each("documents.checklist.record"));
                canvas.into(null);
                y -= 30 - 18;
                for (String field : RECORD) {
                    List<List<Phrase>> label = DocumentLanguage.lines(language.each("documents.checklist.record." + field),
                            fonts.regular(), 11, LINE_X - 8);
                    // A label on two lines (Welsh, then English) is still one paragraph.
                    canvas.into(label.size() == 1 ? null : canvas.element(StandardStructureTypes.P));
                    for (int i = 0; i < label.size(); i++) {
                        canvas.text(left, y, fonts.regular(), 11, label.get(i));
                        if (i < label.size() - 1) {
                            y -= 14;
                        }
                    }
                    canvas.line(left + LINE_X, y - 3, left + width, y - 3, 0.5f);
                    y -= 30;
                }
            }
            tags.save(out);
        }
    }

    /** A second-level heading, Welsh then English when they do not fit on one line; where the next line goes. */
    private static float heading(Canvas canvas, Fonts fonts, float top, float size, float width, List<List<Phrase>> each)
            throws IOException {
        float y = top;
        canvas.into(canvas.element(StandardStructureTypes.H2));
        for (List<Phrase> line : DocumentLanguage.lines(each, fonts.bold(), size, width)) {
            canvas.text(MarkedPage.MARGIN, y, fonts.bold(), size, line);
            y -= 18;
        }
        return y;
    }

    private static float checkbox(Canvas canvas, Fonts fonts, float top, float width, List<Phrase> text) throws IOException {
        float left = MarkedPage.MARGIN;
        canvas.box(left, top - 3, 12, 12, 1);
        float y = top;
        canvas.into(canvas.element(StandardStructureTypes.P));
        for (List<Phrase> line : Phrase.wrap(text, fonts.regular(), 12, width - 24)) {
            canvas.text(left + 24, y, fonts.regular(), 12, line);
            y -= 16;
        }
        canvas.into(null);
        return y - 12;
    }
}
