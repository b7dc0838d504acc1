package org.caseshare.document;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;

/**
 * The fax cover sheet the guide asks for — "clearly states who it is for, and mark it 'Private and
 * Confidential'" — with what receiving organisations expect of one: a unique reference, originator,
 * recipient and page count, the protective marking top and bottom, and what to do if it arrives at
 * the wrong machine.
 */
public final class FaxCoverSheet {

    public static final String PRIVATE_AND_CONFIDENTIAL = "Private and Confidential";
    public static final String IF_RECEIVED_IN_ERROR = "If you receive this in error, telephone the sender at once and destroy it.";

    private static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm zzz", Locale.UK);
    private static final float VALUE_X = MarkedPage.MARGIN + 150;

    private FaxCoverSheet() {
    }

    public static void render(FaxCover cover, OutputStream out) throws IOException {
        Objects.requireNonNull(cover, "cover");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            Tagged tags = Tagged.document(document, "Fax cover sheet " + cover.reference());
            Fonts fonts = Fonts.embedded(document);
            try (Canvas canvas = new Canvas(tags, document, page)) {
                MarkedPage.header(canvas, fonts, cover.marking(), 1);
                float y = title(canvas, fonts);
                y = section(canvas, fonts, y, "For the attention of", List.of(
                        new String[] {"Name", cover.recipient().name()},
                        new String[] {"Organisation", cover.recipient().organisation()},
                        new String[] {"Fax number", cover.recipient().faxNumber()}));
                y = section(canvas, fonts, y, "From", List.of(
                        new String[] {"Name", cover.originator().name()},
                        new String[] {"Organisation", cover.originator().organisation()},
                        new String[] {"Telephone", cover.originator().telephone()}));
                y = section(canvas, fonts, y, "This fax", List.of(
                        new String[] {"Reference", cover.reference()},
                        new String[] {"Sent", SENT.format(cover.sentAt())},
                        new String[] {"Number of pages", cover.pagesIncludingCover() + ", including this cover sheet"}));
                instructions(canvas, fonts, y, cover);
                MarkedPage.footer(canvas, fonts, cover.marking(), 1, cover.pagesIncludingCover());
            }
            tags.save(out);
        }
    }

    private static float title(Canvas canvas, Fonts fonts) throws IOException {
        float left = MarkedPage.MARGIN;
        float width = canvas.width() - 2 * left;
        canvas.into(canvas.element(StandardStructureTypes.H1)).text(left, 730, fonts.bold(), 30, "Fax");
        canvas.box(left, 640, width, 70, 3);
        canvas.into(null).centred(canvas.width() / 2, 680, fonts.bold(), 28, PRIVATE_AND_CONFIDENTIAL);
        canvas.centred(canvas.width() / 2, 656, fonts.regular(), 12, "For the named recipient only");
        return 610;
    }

    private static float section(Canvas canvas, Fonts fonts, float top, String heading, List<String[]> rows) throws IOException {
        float y = top;
        canvas.into(canvas.element(StandardStructureTypes.H2)).text(MarkedPage.MARGIN, y, fonts.bold(), 14, heading);
        y -= 22;
        float width = canvas.width() - MarkedPage.MARGIN - VALUE_X;
        for (String[] row : rows) {
            canvas.into(null).text(MarkedPage.MARGIN, y, fonts.regular(), 11, row[0]);
            // A value wrapped over lines is still one paragraph to a screen reader.
            canvas.into(canvas.element(StandardStructureTypes.P));
            for (String line : Wrap.lines(PrintableText.line(row[1]), fonts.bold(), 12, width)) {
                canvas.text(VALUE_X, y, fonts.bold(), 12, line);
                y -= 16;
            }
            y -= 2;
        }
        return y - 14;
    }

    private static void instructions(Canvas canvas, Fonts fonts, float top, FaxCover cover) throws IOException {
        float left = MarkedPage.MARGIN;
        float width = canvas.width() - 2 * left;
        float inner = width - 24;
        FontChain bold = fonts.bold();
        List<String> error = Wrap.lines(IF_RECEIVED_IN_ERROR, bold, 13, inner);
        List<String> confirm = Wrap.lines(PrintableText.line("Recipient: please telephone the sender on "
                + cover.originator().telephone() + " to confirm that all " + cover.pagesIncludingCover()
                + " pages have arrived."), fonts.regular(), 11, inner);
        float height = 16 + error.size() * 17 + 6 + 15 + 8 + confirm.size() * 14 + 8;
        float bottom = Math.max(top - height, MarkedPage.BOTTOM);
        canvas.box(left, bottom, width, height, 1.5f);
        float y = bottom + height - 26;
        canvas.into(canvas.element(StandardStructureTypes.P));
        for (String line : error) {
            canvas.text(left + 12, y, bold, 13, line);
            y -= 17;
        }
        canvas.into(null).text(left + 12, y - 4, fonts.regular(), 11, "Sender's telephone: " + PrintableText.line(cover.originator().telephone()));
        y -= 27;
        canvas.into(canvas.element(StandardStructureTypes.P));
        for (String line : confirm) {
            canvas.text(left + 12, y, fonts.regular(), 11, line);
            y -= 14;
        }
    }
}
