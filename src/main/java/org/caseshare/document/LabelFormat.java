package org.caseshare.document;

import java.util.Locale;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.caseshare.system.Catalogue;
import org.caseshare.system.Languages;
import org.caseshare.system.Text;

/**
 * The paper the envelope labels are printed on. All are A4. The Avery layouts are the
 * manufacturer's published templates (label size, top and side margins, pitch); on them the inner
 * label takes the first free position and the outer label the next.
 */
public enum LabelFormat {

    /** Plain A4: two large labels with cut lines and a caption saying which envelope each is for. */
    A4_SHEET(150, 95, 1, 2, 30, 30, 150, 125, 14, true),
    /** Avery L7165 and compatibles: 8 labels of 99.1 × 67.7 mm. */
    AVERY_L7165(99.1, 67.7, 2, 4, 13.1, 4.65, 101.6, 67.7, 11, false),
    /** Avery L7163 and compatibles: 14 labels of 99.1 × 38.1 mm. */
    AVERY_L7163(99.1, 38.1, 2, 7, 15.15, 4.65, 101.6, 38.1, 9, false);

    private final double widthMm;
    private final double heightMm;
    private final int columns;
    private final int rows;
    private final double topMarginMm;
    private final double sideMarginMm;
    private final double horizontalPitchMm;
    private final double verticalPitchMm;
    private final float largestFontSize;
    private final boolean plainPaper;

    LabelFormat(double widthMm, double heightMm, int columns, int rows, double topMarginMm,
            double sideMarginMm, double horizontalPitchMm, double verticalPitchMm, float largestFontSize, boolean plainPaper) {
        this.widthMm = widthMm;
        this.heightMm = heightMm;
        this.columns = columns;
        this.rows = rows;
        this.topMarginMm = topMarginMm;
        this.sideMarginMm = sideMarginMm;
        this.horizontalPitchMm = horizontalPitchMm;
        this.verticalPitchMm = verticalPitchMm;
        this.largestFontSize = largestFontSize;
        this.plainPaper = plainPaper;
    }

    /** "Avery L7165, 99.1 × 67.7 mm, 8 per sheet": in English; {@link #text()} in the reader's language. */
    public String description() {
        return Catalogue.text(Languages.ENGLISH, code());
    }

    /** The description's catalogue code, for a page: {@code documents.label-format.avery-l7165}. */
    public String code() {
        return "documents.label-format." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The description, to be put into the words of whoever reads it. */
    public Text text() {
        return Text.of(code());
    }

    public double widthMm() {
        return widthMm;
    }

    public double heightMm() {
        return heightMm;
    }

    public int labelsPerSheet() {
        return columns * rows;
    }

    /** Where label {@code position} (1-based, along the rows) lies on the page, in points from bottom left. */
    public PDRectangle area(int position) {
        if (position < 1 || position > labelsPerSheet()) {
            throw new IllegalArgumentException("position must be 1 to " + labelsPerSheet());
        }
        int column = (position - 1) % columns;
        int row = (position - 1) / columns;
        float x = Canvas.mm(sideMarginMm + column * horizontalPitchMm);
        float top = PDRectangle.A4.getHeight() - Canvas.mm(topMarginMm + row * verticalPitchMm);
        return new PDRectangle(x, top - Canvas.mm(heightMm), Canvas.mm(widthMm), Canvas.mm(heightMm));
    }

    float largestFontSize() {
        return largestFontSize;
    }

    boolean plainPaper() {
        return plainPaper;
    }
}
