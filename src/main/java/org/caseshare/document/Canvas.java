package org.caseshare.document;

import java.io.Closeable;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

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

    void text(float x, float y, PDFont font, float fontSize, String printable) throws IOException {
        content.beginText();
        content.setFont(font, fontSize);
        content.newLineAtOffset(x, y);
        content.showText(printable);
        content.endText();
    }

    void centred(float centreX, float y, PDFont font, float fontSize, String printable) throws IOException {
        text(centreX - Wrap.width(printable, font, fontSize) / 2, y, font, fontSize, printable);
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
