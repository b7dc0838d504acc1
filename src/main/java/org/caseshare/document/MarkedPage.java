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

    /** The marking is read out once, at the top of the first page; elsewhere it repeats, so it is an artifact. */
    static void header(Canvas canvas, Fonts fonts, String marking, int page) throws IOException {
        String printable = PrintableText.line(marking);
        if (page == 1) {
            canvas.into(null).centred(canvas.width() / 2, canvas.height() - 40, fonts.bold(), MARKING_SIZE, printable);
        } else {
            canvas.centredArtifact(canvas.width() / 2, canvas.height() - 40, fonts.bold(), MARKING_SIZE, printable);
        }
    }

    static void footer(Canvas canvas, Fonts fonts, DocumentLanguage language, String marking, int page, int pages) throws IOException {
        canvas.centredArtifact(canvas.width() / 2, 52, fonts.regular(), 9,
                language.plain("documents.page", String.valueOf(page), String.valueOf(pages)));
        canvas.centredArtifact(canvas.width() / 2, 30, fonts.bold(), MARKING_SIZE, PrintableText.line(marking));
    }
}
