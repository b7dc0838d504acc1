package org.caseshare.document;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** Drawing on one page in points, origin bottom left; text given here is already printable. */
final class Canvas implements Closeable {

    static final float POINTS_PER_MM = 72f / 25.4f;

    private final PDPageContentStream content;
    private final PDRectangle size;

    Canvas(PDDocument document, PDPage page) throws IOException {
        this.content = new PDPageContentStream(document, page);
        this.size = page.getMediaBox();
    }

    static float mm(double millimetres) {
        return (float) (millimetres * POINTS_PER_MM);
    }

    float width() {
        return size.getWidth();
    }

    float height() {
        return size.getHeight();
    }

    @SuppressWarnings("deprecation") // appendRawCommands: PDFBox has no other way to write an inline property dictionary
    void text(float x, float y, FontChain fonts, float fontSize, String printable) throws IOException {
        List<Runs.Run> runs = Runs.of(printable, fonts);
        content.beginText();
        content.newLineAtOffset(x, y);
        for (Runs.Run run : runs) {
            if (run.typed() != null) {
                content.appendRawCommands(typedText(run.typed()));
            }
            content.setFont(run.font(), fontSize);
            content.showText(run.shown());
            if (run.typed() != null) {
                content.endMarkedContent();
            }
        }
        content.endText();
    }

    void centred(float centreX, float y, FontChain fonts, float fontSize, String printable) throws IOException {
        text(centreX - Wrap.width(printable, fonts, fontSize) / 2, y, fonts, fontSize, printable);
    }

    /**
     * Opens a marked span whose ActualText is the typed text (PDF 32000-1, 14.9.4), which copy, search
     * and text extraction use instead of the shaped glyphs. The dictionary is written inline because
     * Poppler, like other readers, looks for ActualText only there, not in the page's property lists.
     */
    private static String typedText(String typed) {
        StringBuilder hex = new StringBuilder("/Span <</ActualText <FEFF");
        for (byte b : typed.getBytes(StandardCharsets.UTF_16BE)) {
            hex.append(String.format("%02X", b & 0xff));
        }
        return hex.append(">>> BDC\n").toString();
    }

    void box(float x, float y, float w, float h, float lineWidth) throws IOException {
        content.setLineWidth(lineWidth);
        content.addRect(x, y, w, h);
        content.stroke();
    }

    void cutLine(float x, float y, float w, float h) throws IOException {
        content.saveGraphicsState();
        content.setStrokingColor(0.5f);
        content.setLineDashPattern(new float[] {4, 3}, 0);
        box(x, y, w, h, 0.5f);
        content.restoreGraphicsState();
    }

    void line(float x1, float y1, float x2, float y2, float lineWidth) throws IOException {
        content.setLineWidth(lineWidth);
        content.moveTo(x1, y1);
        content.lineTo(x2, y2);
        content.stroke();
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
