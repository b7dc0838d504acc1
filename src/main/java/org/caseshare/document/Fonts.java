package org.caseshare.document;

import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** The two faces every document uses, made per document because PDFBox fonts keep unsynchronised caches. */
record Fonts(PDType1Font regular, PDType1Font bold) {

    static Fonts standard() {
        return new Fonts(new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
    }
}
