package org.caseshare.document;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;

/**
 * Drawing on one page in points, origin bottom left; text given here is already printable. Text goes
 * into the structure element chosen with {@link #into}, or a paragraph of its own; lines, boxes and
 * {@link #artifact} text (page numbers, repeated labels) are marked as artifacts that a screen reader
 * skips.
 */
final class Canvas implements Closeable {

    static final float POINTS_PER_MM = 72f / 25.4f;

    private final Tagged tags;
    private final PDPage page;
    private final PDPageContentStream content;
    private final PDRectangle size;
    private PDStructureElement current;

    Canvas(Tagged tags, PDDocument document, PDPage page) throws IOException {
        this.tags = tags;
        this.page = page;
        this.content = new PDPageContentStream(document, page);
        this.size = page.getMediaBox();
    }

    /** A new element of {@code type} at the end of the document's structure, for {@link #into}. */
    PDStructureElement element(String type) {
        return tags.element(type, tags.root());
    }

    /** The element the following text belongs to, until the next call; {@code null} for a paragraph each. */
    Canvas into(PDStructureElement element) {
        this.current = element;
        return this;
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

    void text(float x, float y, FontChain fonts, float fontSize, String printable) throws IOException {
        text(x, y, fonts, fontSize, Phrase.line(printable));
    }

    /** One line of phrases, each printable, each read in its own language. */
    @SuppressWarnings("deprecation") // appendRawCommands: PDFBox has no other way to write an inline property dictionary
    void text(float x, float y, FontChain fonts, float fontSize, List<Phrase> line) throws IOException {
        PDStructureElement element = current != null ? current : tags.element(StandardStructureTypes.P, tags.root());
        content.appendRawCommands("/" + element.getStructureType() + " <</MCID " + tags.mark(page, element) + ">> BDC\n");
        draw(x, y, fonts, fontSize, line);
        content.endMarkedContent();
    }

    /** Text that repeats what is said elsewhere (a page number, a label marked continued): not read out again. */
    void artifact(float x, float y, FontChain fonts, float fontSize, String printable) throws IOException {
        content.beginMarkedContent(COSName.ARTIFACT);
        draw(x, y, fonts, fontSize, Phrase.line(printable));
        content.endMarkedContent();
    }

    void centredArtifact(float centreX, float y, FontChain fonts, float fontSize, String printable) throws IOException {
        artifact(centreX - Wrap.width(printable, fonts, fontSize) / 2, y, fonts, fontSize, printable);
    }

    @SuppressWarnings("deprecation") // appendRawCommands, as for the marked content above
    private void draw(float x, float y, FontChain fonts, float fontSize, List<Phrase> line) throws IOException {
        content.beginText();
        content.newLineAtOffset(x, y);
        for (Phrase phrase : Phrase.coalesced(line)) {
            for (Runs.Run run : Runs.of(phrase.text(), fonts)) {
                tags.shown(run.font(), run.shown());
                String span = span(run, phrase.language());
                if (span != null) {
                    content.appendRawCommands(span);
                }
                content.setFont(run.font(), fontSize);
                content.showText(run.shown());
                if (span != null) {
                    content.endMarkedContent();
                }
            }
        }
        content.endText();
    }

    void centred(float centreX, float y, FontChain fonts, float fontSize, String printable) throws IOException {
        centred(centreX, y, fonts, fontSize, Phrase.line(printable));
    }

    void centred(float centreX, float y, FontChain fonts, float fontSize, List<Phrase> line) throws IOException {
        text(centreX - Phrase.width(line, fonts, fontSize) / 2, y, fonts, fontSize, line);
    }

    /**
     * Opens a marked span, if the run needs one: its ActualText is the typed text (PDF 32000-1, 14.9.4)
     * when the glyphs drawn are not, which copy, search and text extraction use instead of the shaped
     * glyphs; its Lang names the script when it is not Latin (14.9.2.2), so a screen reader does not read
     * a name in Arabic or Bengali letters with an English voice; otherwise it is the phrase's language,
     * when that is not the document's (English words in a Welsh document). The dictionary is written
     * inline because Poppler, like other readers, looks for ActualText only there, not in the page's
     * property lists.
     */
    private static String span(Runs.Run run, String phraseLanguage) {
        String script = RunLanguage.of(run.typed() != null ? run.typed() : run.shown());
        String language = script != null ? script : phraseLanguage;
        if (run.typed() == null && language == null) {
            return null;
        }
        StringBuilder span = new StringBuilder("/Span <<");
        if (language != null) {
            span.append("/Lang (").append(language).append(')');
        }
        if (run.typed() != null) {
            span.append("/ActualText <FEFF");
            for (byte b : run.typed().getBytes(StandardCharsets.UTF_16BE)) {
                span.append(String.format("%02X", b & 0xff));
            }
            span.append('>');
        }
        return span.append(">> BDC\n").toString();
    }

    void box(float x, float y, float w, float h, float lineWidth) throws IOException {
        content.beginMarkedContent(COSName.ARTIFACT);
        content.setLineWidth(lineWidth);
        content.addRect(x, y, w, h);
        content.stroke();
        content.endMarkedContent();
    }

    void cutLine(float x, float y, float w, float h) throws IOException {
        content.saveGraphicsState();
        content.setStrokingColor(0.5f);
        content.setLineDashPattern(new float[] {4, 3}, 0);
        box(x, y, w, h, 0.5f);
        content.restoreGraphicsState();
    }

    void line(float x1, float y1, float x2, float y2, float lineWidth) throws IOException {
        content.beginMarkedContent(COSName.ARTIFACT);
        content.setLineWidth(lineWidth);
        content.moveTo(x1, y1);
        content.lineTo(x2, y2);
        content.stroke();
        content.endMarkedContent();
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
