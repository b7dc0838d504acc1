package org.caseshare.system;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Text folded for searching, so that "Sian" finds "Siân" and "Lukasz" finds "Łukasz": lower case,
 * decomposed (NFD) and stripped of the accents of Latin, Greek and Cyrillic letters and the optional
 * vowel points of Arabic and Hebrew, with the letters that have no decomposition spelt out by hand
 * (ł, ø, ß, æ, đ...). The vowel signs of Indic scripts are letters, not accents, and are kept.
 */
public final class Folding {

    private static final Map<Integer, String> SPELT_OUT = Map.ofEntries(Map.entry((int) 'ł', "l"), Map.entry((int) 'ø', "o"),
            Map.entry((int) 'ß', "ss"), Map.entry((int) 'æ', "ae"), Map.entry((int) 'œ', "oe"), Map.entry((int) 'đ', "d"),
            Map.entry((int) 'ð', "d"), Map.entry((int) 'þ', "th"), Map.entry((int) 'ı', "i"), Map.entry((int) 'ħ', "h"),
            Map.entry((int) 'ŀ', "l"), Map.entry((int) 'ŧ', "t"), Map.entry((int) 'ς', "σ"));

    private Folding() {
    }

    /** The folded text, or null for null or blank text, or text that folds to nothing (marks alone). */
    public static String fold(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String decomposed = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else if (!accent(c)) {
                out.append(SPELT_OUT.getOrDefault(c, new String(Character.toChars(c))));
            }
        });
        // Text of marks alone folds to nothing: null, like blank text, so folding twice agrees.
        String folded = Normalizer.normalize(out.toString().strip(), Normalizer.Form.NFC);
        return folded.isEmpty() ? null : folded;
    }

    private static boolean accent(int c) {
        return (c >= 0x0300 && c <= 0x036F) // combining diacritical marks: Latin, Greek, Cyrillic
                || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF)
                || (c >= 0xFE20 && c <= 0xFE2F)
                || (c >= 0x064B && c <= 0x065F) || c == 0x0670 // Arabic vowel points, shadda, superscript alef
                || (c >= 0x0591 && c <= 0x05C7); // Hebrew points and cantillation
    }
}
