package org.caseshare.exchange;

import java.text.Normalizer;

import org.caseshare.system.Attachments;

/**
 * Makes a file name safe to offer for download: the last path segment only, without control or
 * formatting characters (right-to-left overrides, zero-width joiners), without leading dots or
 * trailing dots and spaces, never a Windows device name, at most 200 characters, never empty.
 */
public final class SafeFileNames {

    private SafeFileNames() {
    }

    public static String neutralise(String name) {
        if (name == null) {
            return "file";
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFC);
        int cut = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(cut + 1);
        StringBuilder safe = new StringBuilder();
        n.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean invisible = type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
            if (!invisible && cp != ':' && cp != '*' && cp != '?' && cp != '"' && cp != '<' && cp != '>' && cp != '|') {
                safe.appendCodePoint(Character.isWhitespace(cp) ? ' ' : cp);
            }
        });
        String result = safe.toString().strip().replaceAll("^\\.+", "").replaceAll("[. ]+$", "");
        if (result.codePointCount(0, result.length()) > 200) {
            result = result.substring(0, result.offsetByCodePoints(0, 200));
        }
        // Then Windows' own rules: no device names (NUL.txt), no trailing dots or spaces.
        return Attachments.fileName(result.isBlank() ? "file" : result);
    }
}
