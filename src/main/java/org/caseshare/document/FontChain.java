package org.caseshare.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts one weight of one document tries, in order: a run of text is set in the first that has
 * every one of its characters. A font is embedded — as a subset of the glyphs used — only when some
 * text needs it, so a label in English carries Noto Sans alone.
 */
final class FontChain {

    private static final Typeface CHINESE = new Typeface("wqy-microhei.ttc", false);

    // Arabic is joined (Hebrew needs no joining) and reordered here (see Runs) into characters the font maps directly, so
    // its runs need no typed-text replacement; the Indic scripts are shaped by PDFBox from the font's
    // GSUB table, whose substituted glyphs map back to no character, so theirs do.
    static final List<Typeface> REGULAR = List.of(new Typeface("NotoSans-Regular.ttf", false),
            new Typeface("NotoSansArabic-Regular.ttf", false), new Typeface("NotoSansHebrew-Regular.ttf", false),
            new Typeface("NotoSansBengali-Regular.ttf", true),
            new Typeface("NotoSansDevanagari-Regular.ttf", true), new Typeface("NotoSansGujarati-Regular.ttf", true),
            new Typeface("NotoSansGurmukhi-Regular.ttf", true), CHINESE);
    static final List<Typeface> BOLD = List.of(new Typeface("NotoSans-Bold.ttf", false),
            new Typeface("NotoSansArabic-Bold.ttf", false), new Typeface("NotoSansHebrew-Bold.ttf", false),
            new Typeface("NotoSansBengali-Bold.ttf", true),
            new Typeface("NotoSansDevanagari-Bold.ttf", true), new Typeface("NotoSansGujarati-Bold.ttf", true),
            new Typeface("NotoSansGurmukhi-Bold.ttf", true), CHINESE);

    private final PDDocument document;
    private final List<Typeface> faces;
    private final Map<Typeface, PDFont> embedded;

    /** {@code embedded} is shared by the document's chains, so a face in both (Chinese) is embedded once. */
    FontChain(PDDocument document, List<Typeface> faces, Map<Typeface, PDFont> embedded) {
        this.document = document;
        this.faces = faces;
        this.embedded = embedded;
    }

    /** The position of the first face with every character of {@code text}, or -1 if none has them all. */
    int faceFor(String text) {
        for (int i = 0; i < faces.size(); i++) {
            Typeface face = faces.get(i);
            if (text.codePoints().allMatch(face::has)) {
                return i;
            }
        }
        return -1;
    }

    boolean has(int face, String text) {
        return text.codePoints().allMatch(faces.get(face)::has);
    }

    Typeface typeface(int face) {
        return faces.get(face);
    }

    PDFont font(int face) {
        return embedded.computeIfAbsent(faces.get(face), this::embed);
    }

    private PDFont embed(Typeface face) {
        try {
            TrueTypeFont font = face.open();
            // The subset is cut when the document is saved, so the parsed font stays open until then.
            document.registerTrueTypeFontForClosing(font);
            return PDType0Font.load(document, font, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot embed the font " + face.resource(), e);
        }
    }
}
