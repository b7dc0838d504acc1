package org.caseshare.document;

import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** The two weights every document uses, each a chain of embedded fonts, made per document. */
record Fonts(FontChain regular, FontChain bold) {

    static Fonts embedded(PDDocument document) {
        Map<Typeface, PDFont> embedded = new HashMap<>();
        return new Fonts(new FontChain(document, FontChain.REGULAR, embedded), new FontChain(document, FontChain.BOLD, embedded));
    }
}
