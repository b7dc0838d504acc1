package org.caseshare.document;

import java.io.IOException;

/**
 * The protective marking at the top and bottom of every printed page, as government practice asks,
 * with the page number above the bottom marking so a missing page is noticed.
 */
final class MarkedPage {

    static final float MARGIN = 56;
    static final float MARKING_SIZE = 12;
    /** Content stays between these, clear of the markings. */
    static final float TOP = 842 - 76;
    static final float BOTTOM = 84;

    private MarkedPage() {
    }

    static void header(Canvas canvas, Fonts fonts, String marking) throws IOException {
        canvas.centred(canvas.width() / 2, canvas.height() - 40, fonts.bold(), MARKING_SIZE, PrintableText.line(marking));
    }

    static void footer(Canvas canvas, Fonts fonts, String marking, int page, int pages) throws IOException {
        canvas.centred(canvas.width() / 2, 52, fonts.regular(), 9, "Page " + page + " of " + pages);
        canvas.centred(canvas.width() / 2, 30, fonts.bold(), MARKING_SIZE, PrintableText.line(marking));
    }
}
