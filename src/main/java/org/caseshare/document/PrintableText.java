package org.caseshare.document;

import java.text.Normalizer;
import java.util.List;

/**
 * Text made ready to print, and never changed otherwise: composed (NFC), so "Siân" typed as "a"
 * plus a combining circumflex prints as the one letter; line breaks, tabs and other controls become
 * spaces; invisible formatting characters (zero-width joiners, direction marks, a byte order mark)
 * are left out, having no glyph to draw — a right-to-left override could otherwise reorder a name on
 * the page. Every other character is printed as it is or the document is refused
 * ({@link UnprintableCharacterException}): nothing is transliterated.
 */
final class PrintableText {

    private PrintableText() {
    }

    /** One line of printable text. */
    static String line(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        for (int i = 0; i < composed.length(); ) {
            int c = composed.codePointAt(i);
            append(out, c);
            i += Character.charCount(c);
        }
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    /** Paragraphs of printable text, split where the text had line breaks. */
    static List<String> paragraphs(String text) {
        if (text == null) {
            return List.of("");
        }
        return text.lines().map(PrintableText::line).toList();
    }

    private static void append(StringBuilder out, int c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
            out.append(' ');
        } else if (Character.getType(c) != Character.FORMAT) {
            out.appendCodePoint(c);
        }
    }
}
