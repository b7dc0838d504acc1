package org.caseshare.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.BidiRun;
import com.ibm.icu.text.BreakIterator;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A line of printable text as it is drawn: runs in visual order, left to right, each in one font.
 * Right-to-left text (Arabic, Urdu) is joined into its contextual forms by ICU's ArabicShaping and
 * put in visual order by ICU's Bidi; Bengali, Devanagari and Gujarati are shaped by PDFBox from the
 * font's GSUB table when drawn; Gurmukhi gets only its pre-base vowel sign moved before its consonant.
 * A run whose glyphs no longer read back as the typed text carries that text, for copy and search.
 */
final class Runs {

    private static final char GURMUKHI_SIGN_I = '\u0A3F';

    /** One piece of a line: {@code shown} is drawn in {@code font}; {@code typed} is its text if that differs, else null. */
    record Run(PDFont font, String shown, String typed) {

        float width(float size) {
            try {
                return font.getStringWidth(shown) / 1000f * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Runs() {
    }

    static List<Run> of(String printable, FontChain chain) {
        List<Run> runs = new ArrayList<>();
        if (printable.isEmpty()) {
            return runs;
        }
        char[] chars = printable.toCharArray();
        if (!Bidi.requiresBidi(chars, 0, chars.length)) {
            inFonts(printable, chain, false, runs);
            return runs;
        }
        Bidi bidi = new Bidi(printable, Bidi.LEVEL_DEFAULT_LTR);
        for (int i = 0; i < bidi.countRuns(); i++) {
            BidiRun run = bidi.getVisualRun(i);
            String logical = printable.substring(run.getStart(), run.getLimit());
            if (run.isOddRun()) {
                requireFonts(logical, chain); // name the typed character, not a joined form of it
                inFonts(Bidi.writeReverse(shape(logical), Bidi.DO_MIRRORING | Bidi.KEEP_BASE_COMBINING), chain, true, runs);
            } else {
                inFonts(logical, chain, false, runs);
            }
        }
        return runs;
    }

    static float width(String printable, FontChain chain, float size) {
        float width = 0;
        for (Run run : of(printable, chain)) {
            width += run.width(size);
        }
        return width;
    }

    /** Where a line may be broken inside a word: between user-perceived characters, never within one. */
    static List<Integer> clusterBoundaries(String text) {
        BreakIterator clusters = BreakIterator.getCharacterInstance();
        clusters.setText(text);
        List<Integer> boundaries = new ArrayList<>();
        for (int end = clusters.first(); end != BreakIterator.DONE; end = clusters.next()) {
            boundaries.add(end);
        }
        return boundaries;
    }

    private static String shape(String logical) {
        try {
            return new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.LENGTH_GROW_SHRINK
                    | ArabicShaping.TEXT_DIRECTION_LOGICAL).shape(logical);
        } catch (ArabicShapingException e) {
            throw new IllegalStateException("Arabic shaping failed", e);
        }
    }

    private static void requireFonts(String text, FontChain chain) {
        text.codePoints().forEach(c -> {
            if (chain.faceFor(new String(Character.toChars(c))) < 0) {
                throw new UnprintableCharacterException(c);
            }
        });
    }

    /** Splits text already in visual order into runs of one font, at user-perceived character boundaries. */
    private static void inFonts(String text, FontChain chain, boolean rightToLeft, List<Run> runs) {
        List<Integer> boundaries = clusterBoundaries(text);
        int face = -1;
        StringBuilder run = new StringBuilder();
        for (int i = 1; i < boundaries.size(); i++) {
            String cluster = text.substring(boundaries.get(i - 1), boundaries.get(i));
            // Spaces and punctuation stay in the font of the run they are in, when it has them.
            boolean neutral = cluster.codePoints().allMatch(Runs::neutral);
            int next = face >= 0 && neutral && chain.has(face, cluster) ? face : chain.faceFor(cluster);
            if (next < 0) {
                requireFonts(cluster, chain);
                // Each character has a font but no font has the combination: draw them apart rather than refuse.
                for (int c : cluster.codePoints().toArray()) {
                    String one = new String(Character.toChars(c));
                    face = flushIfChanged(chain, face, chain.faceFor(one), run, rightToLeft, runs);
                    run.append(one);
                }
                continue;
            }
            face = flushIfChanged(chain, face, next, run, rightToLeft, runs);
            run.append(cluster);
        }
        flush(chain, face, run, rightToLeft, runs);
    }

    private static int flushIfChanged(FontChain chain, int face, int next, StringBuilder run, boolean rightToLeft, List<Run> runs) {
        if (next != face) {
            flush(chain, face, run, rightToLeft, runs);
        }
        return next;
    }

    private static void flush(FontChain chain, int face, StringBuilder run, boolean rightToLeft, List<Run> runs) {
        if (run.isEmpty()) {
            return;
        }
        String text = run.toString();
        run.setLength(0);
        if (!rightToLeft && chain.typeface(face).complex()) {
            runs.add(new Run(chain.font(face), reorderPreBase(text), text));
        } else {
            runs.add(new Run(chain.font(face), text, null));
        }
    }

    private static boolean neutral(int c) {
        int script = UScript.getScript(c);
        return (script == UScript.COMMON || script == UScript.INHERITED) && !UCharacter.isDigit(c);
    }

    /**
     * Gurmukhi's sign I (ਿ) is typed after its consonant but drawn before it, a reordering PDFBox
     * has no Gurmukhi shaper for; the run carries the typed order, so only the picture changes.
     */
    static String reorderPreBase(String text) {
        if (text.indexOf(GURMUKHI_SIGN_I) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        List<Integer> boundaries = clusterBoundaries(text);
        for (int i = 1; i < boundaries.size(); i++) {
            String cluster = text.substring(boundaries.get(i - 1), boundaries.get(i));
            int sign = cluster.indexOf(GURMUKHI_SIGN_I);
            if (sign > 0) {
                out.append(GURMUKHI_SIGN_I).append(cluster, 0, sign).append(cluster, sign + 1, cluster.length());
            } else {
                out.append(cluster);
            }
        }
        return out.toString();
    }
}
