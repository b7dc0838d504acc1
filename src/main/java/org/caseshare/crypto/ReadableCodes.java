package org.caseshare.crypto;

import java.security.SecureRandom;

/**
 * Short single-use codes a person writes down or prints, such as second-factor recovery codes:
 * characters from an alphabet without look-alikes (no 0/O, 1/I/L), drawn from {@link SecureRandom},
 * 5 bits each.
 */
public final class ReadableCodes {

    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReadableCodes() {
    }

    /** A new code of the given length, in groups of five joined by hyphens (XXXXX-XXXXX). */
    public static String generate(int length) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0 && i % 5 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What the person typed, as it was generated: hyphens and spaces ignored, any case. */
    public static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }
}
