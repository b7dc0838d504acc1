package org.caseshare.document;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;

/**
 * A one-page checklist for whoever receives a fax, quoting the guide's "Receiving information
 * securely by fax" safeguards word for word, with space to record the fax as it arrives. It is a
 * blank form, so it carries no protective marking until someone fills it in.
 */
public final class ReceivingFaxChecklist {

    public static final String TITLE = "Receiving information securely by fax";
    static final String SOURCE = "From the guide \u201cHow to share personal information securely, on a case-by-case basis\u201d";

    /** The guide's bullets under "Receiving information securely by fax", verbatim. */
    public static final List<String> SAFEGUARDS = List.of(
            "If receiving information by fax, consider the location of your fax machine. Is it in a secure environment?",
            "If not in a secure environment then you must ensure that you are on hand to receive the fax. If you do not "
                    + "have a secure fax or if you receive faxes outside of office hours, you should consider a "
                    + "'fax-to-email' solution.");

    /** The sender's side of the same exchange, quoted so the receiver knows what to expect. */
    public static final String ACKNOWLEDGE = "Ask them to wait at the fax machine and acknowledge receipt of the fax.";

    private static final List<String> RECORD = List.of("Expected from (name, organisation)", "Their reference",
            "Pages expected, including cover", "Pages received", "Received by", "Date and time received",
            "Sender told of receipt (time)");

    private ReceivingFaxChecklist() {
    }

    public static void render(OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            Tagged tags = Tagged.document(document, TITLE);
            Fonts fonts = Fonts.embedded(document);
            float left = MarkedPage.MARGIN;
            float width = PDRectangle.A4.getWidth() - 2 * left;
            try (Canvas canvas = new Canvas(tags, document, page)) {
                canvas.into(canvas.element(StandardStructureTypes.H1)).text(left, 770, fonts.bold(), 20, TITLE);
                canvas.into(null).text(left, 750, fonts.regular(), 10, SOURCE);
                float y = 715;
                for (String safeguard : SAFEGUARDS) {
                    y = checkbox(canvas, fonts, y, width, safeguard);
                }
                y -= 10;
                canvas.into(canvas.element(StandardStructureTypes.H2)).text(left, y, fonts.bold(), 13,
                        "The sender has been asked by the guide to:");
                y = checkbox(canvas, fonts, y - 24, width, "\u201c" + ACKNOWLEDGE + "\u201d Telephone them once every page has arrived.");
                y -= 18;
                canvas.into(canvas.element(StandardStructureTypes.H2)).text(left, y, fonts.bold(), 14, "Record of the fax received");
                canvas.into(null);
                y -= 30;
                for (String field : RECORD) {
                    canvas.text(left, y, fonts.regular(), 11, field);
                    canvas.line(left + 200, y - 3, left + width, y - 3, 0.5f);
                    y -= 30;
                }
            }
            tags.save(out);
        }
    }

    private static float checkbox(Canvas canvas, Fonts fonts, float top, float width, String text) throws IOException {
        float left = MarkedPage.MARGIN;
        canvas.box(left, top - 3, 12, 12, 1);
        float y = top;
        canvas.into(canvas.element(StandardStructureTypes.P));
        for (String line : Wrap.lines(PrintableText.line(text), fonts.regular(), 12, width - 24)) {
            canvas.text(left + 24, y, fonts.regular(), 12, line);
            y -= 16;
        }
        canvas.into(null);
        return y - 12;
    }
}
