package org.caseshare.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;

/**
 * Sets a few lines of text in a label, at the largest size that fits, down to {@value #SMALLEST}
 * points — below that an address is hard for a sorting office to read, so it is an error instead.
 */
final class LabelText {

    static final float SMALLEST = 5.5f;
    private static final float STEP = 0.5f;
    private static final float LEADING = 1.18f;

    /**
     * One line of the label before wrapping, its phrases printable; {@code scale} shrinks secondary
     * text such as the return address.
     */
    record Line(List<Phrase> phrases, boolean bold, float scale, boolean spaceBefore) {

        /** A line of text as typed (a name, an address line), made printable. */
        static Line plain(String text) {
            return new Line(Phrase.line(PrintableText.line(text)), false, 1, false);
        }

        static Line bold(List<Phrase> phrases) {
            return new Line(phrases, true, 1, false);
        }
    }

    private LabelText() {
    }

    static void draw(Canvas canvas, Fonts fonts, PDRectangle area, float padding, float largest, List<Line> lines) throws IOException {
        float width = area.getWidth() - 2 * padding;
        float height = area.getHeight() - 2 * padding;
        for (float size = largest; size >= SMALLEST; size -= STEP) {
            List<Placed> placed = layout(fonts, lines, size, width);
            if (height(placed) <= height) {
                float y = area.getUpperRightY() - padding;
                int source = -1;
                for (Placed line : placed) {
                    y -= line.advance();
                    if (line.source() != source) {
                        // One paragraph per line as given, however many lines it wrapped onto.
                        source = line.source();
                        canvas.into(canvas.element(StandardStructureTypes.P));
                    }
                    canvas.text(area.getLowerLeftX() + padding, y + line.size() * (LEADING - 1), line.font(), line.size(), line.text());
                }
                canvas.into(null);
                return;
            }
        }
        throw new TextDoesNotFitException("the address does not fit this label even at " + SMALLEST + " pt; choose a larger label format");
    }

    private record Placed(List<Phrase> text, FontChain font, float size, float advance, int source) {
    }

    private static List<Placed> layout(Fonts fonts, List<Line> lines, float size, float width) {
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            FontChain font = line.bold() ? fonts.bold() : fonts.regular();
            float lineSize = Math.max(size * line.scale(), SMALLEST);
            boolean first = true;
            for (List<Phrase> wrapped : Phrase.wrap(line.phrases(), font, lineSize, width)) {
                float gap = first && line.spaceBefore() ? size * 0.6f : 0;
                placed.add(new Placed(wrapped, font, lineSize, lineSize * LEADING + gap, i));
                first = false;
            }
        }
        return placed;
    }

    private static float height(List<Placed> placed) {
        return (float) placed.stream().mapToDouble(Placed::advance).sum();
    }
}
