package org.caseshare.crypto;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A file name that is safe inside an archive and on the recipient's disk, whatever unpacks it: plain
 * ASCII letters, digits, '.', '_' and '-', starting and ending with a letter or digit, at most
 * {@value #MAX_LENGTH} characters. That rules out path separators (zip-slip), control and bidi
 * characters (a right-to-left override can make "cod.exe" look like "exe.doc"), look-alike letters,
 * hidden dot-files and Windows device names. Keeping names innocuous — a reference, not a person's
 * name — is the caller's part; this type only makes sure nothing in the name can do harm.
 */
public record SafeFileName(String value) {

    public static final int MAX_LENGTH = 64;

    private static final String FALLBACK = "document";
    private static final int MAX_EXTENSION = 10;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern SEPARATOR_RUN = Pattern.compile("[._-]{2,}");
    private static final Set<String> WINDOWS_DEVICES = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    public SafeFileName {
        if (value == null || value.length() > MAX_LENGTH || !SAFE.matcher(value).matches() || value.contains("..")
                || WINDOWS_DEVICES.contains(baseName(value))) {
            throw new IllegalArgumentException("not a safe file name: use SafeFileName.sanitise");
        }
    }

    /** Turns anything, even null, into a safe name that keeps as much of the original as it can. */
    public static SafeFileName sanitise(String anything) {
        String name = anything == null ? "" : anything;
        // Decompose so that "Zoë" keeps its "o" rather than losing the whole letter.
        name = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().forEach(c -> kept.append(isKept(c) ? (char) c : '-'));
        name = SEPARATOR_RUN.matcher(kept).replaceAll(run -> run.group().contains(".") ? "." : run.group().substring(0, 1));
        name = trimSeparators(name);
        if (name.isEmpty()) {
            name = FALLBACK;
        }
        if (WINDOWS_DEVICES.contains(baseName(name))) {
            name = "file-" + name;
        }
        return new SafeFileName(shorten(name));
    }

    @Override
    public String toString() {
        return value;
    }

    private static boolean isKept(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    }

    private static String trimSeparators(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && !Character.isLetterOrDigit(name.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(name.charAt(end - 1))) {
            end--;
        }
        return name.substring(start, end);
    }

    /** Cuts the middle, not the end, so "report.pdf" stays a ".pdf" however long its name was. */
    private static String shorten(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION + 1 ? name.substring(dot) : "";
        String base = trimSeparators(name.substring(0, MAX_LENGTH - extension.length()));
        return base + extension;
    }

    private static String baseName(String name) {
        int dot = name.indexOf('.');
        return (dot < 0 ? name : name.substring(0, dot)).toLowerCase(Locale.ROOT);
    }
}
