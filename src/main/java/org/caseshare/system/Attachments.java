package org.caseshare.system;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Names of downloaded files and the {@code Content-Disposition} header that offers them. Windows
 * cannot save a file called after a device ({@code CON}, {@code NUL.txt}, {@code LPT9.pdf}: any
 * case, any extension) or ending in a dot or a space, so those are renamed; the header's
 * {@code filename} is plain ASCII for old clients and {@code filename*} carries the real name
 * (RFC 6266, RFC 8187).
 */
public final class Attachments {

    private static final String FALLBACK = "download";
    // Windows also treats the superscript digits as device numbers (COM¹ is COM1).
    private static final Pattern DEVICE = Pattern.compile(
            "(?i)(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])[ .]*(\\..*)?");
    private static final Pattern TRAILING_DOTS_AND_SPACES = Pattern.compile("[. ]+$");
    private static final String ATTR_CHAR = "!#$&+-.^_`|~";

    private Attachments() {
    }

    /** The name to save under: the last path segment, without invisible characters, renamed if Windows could not save it. */
    public static String fileName(String name) {
        String n = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC);
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(n.length());
        n.codePoints().filter(c -> !invisible(c)).forEach(kept::appendCodePoint);
        n = TRAILING_DOTS_AND_SPACES.matcher(kept.toString().strip()).replaceAll("");
        if (n.isEmpty()) {
            return FALLBACK;
        }
        return DEVICE.matcher(n).matches() ? "_" + n : n;
    }

    /** {@code attachment; filename="ascii"; filename*=UTF-8''encoded} for the named file. */
    public static String header(String name) {
        String real = fileName(name);
        return "attachment; filename=\"" + ascii(real) + "\"; filename*=UTF-8''" + encode(real);
    }

    /** Accents dropped, anything else outside printable ASCII (and quotes, backslashes, percent signs) an underscore. */
    private static String ascii(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        StringBuilder ascii = new StringBuilder(plain.length());
        plain.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        return fileName(ascii.toString());
    }

    private static String encode(String name) {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ATTR_CHAR.indexOf(c) >= 0) {
                encoded.write(c);
            } else {
                encoded.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return encoded.toString(StandardCharsets.US_ASCII);
    }

    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
