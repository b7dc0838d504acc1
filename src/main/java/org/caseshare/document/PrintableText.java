package org.caseshare.document;

import java.io.IOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Text as the standard Helvetica can show it. Its WinAnsi encoding covers Western European letters
 * ("Zoë", "Siân", "Ó Briain") but not, say, "Ŝ" or emoji, and PDFBox throws on those; so each
 * character it cannot encode is first tried without its accent, then replaced by '?'. Control and
 * invisible formatting characters — a right-to-left override could reorder a name on the page —
 * are dropped, so what prints is what was typed.
 */
final class PrintableText {

    static final char REPLACEMENT = '?';

    private static final PDType1Font PROBE = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final Map<Integer, Boolean> ENCODABLE = new ConcurrentHashMap<>();

    private PrintableText() {
    }

    /** One line of printable text. */
    static String line(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(c -> append(out, c));
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
        int type = Character.getType(c);
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
            out.append(' ');
        } else if (type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
            // Invisible or meaningless alone (a lone combining mark was left by NFC because it had no base).
            return;
        } else if (encodable(c)) {
            out.appendCodePoint(c);
        } else {
            String base = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
            if (!base.isEmpty() && base.codePoints().allMatch(PrintableText::encodable)) {
                out.append(base);
            } else {
                out.append(REPLACEMENT);
            }
        }
    }

    private static boolean encodable(int c) {
        if (c >= 0x20 && c < 0x7f) {
            return true;
        }
        return ENCODABLE.computeIfAbsent(c, PrintableText::probe);
    }

    // PDType1Font caches what it has encoded in a plain map, so the shared probe is used by one thread at a time.
    private static synchronized boolean probe(int c) {
        try {
            PROBE.encode(new String(Character.toChars(c)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
