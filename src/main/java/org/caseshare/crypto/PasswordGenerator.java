package org.caseshare.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Passwords for encrypted attachments, made to be read out over the telephone, as the guide asks
 * ("Inform the recipient of the password by telephone"): {@value #WORDS} short common words and a
 * group of {@value #DIGITS} digits, joined by hyphens, the first letter a capital — for example
 * {@code Maple-crisp-otter-bench-lilac-stove-quilt-4071}. The words alone carry
 * {@value #WORDS} × log2(4,096) = 84 bits from {@link SecureRandom}; the capital, the digits and
 * the hyphens satisfy the usual "upper, lower, digit, symbol" rules, and the digits add 13 bits more.
 *
 * <p>Passwords are {@code char[]} so the caller can wipe them ({@code Arrays.fill(password, '\0')})
 * once the archive is written and the password has been given to the recipient.
 */
public final class PasswordGenerator {

    public static final int WORDS = 7;
    public static final int DIGITS = 4;
    /** The floor the word part must reach by itself, whatever the list. */
    public static final double MIN_ENTROPY_BITS = 80;

    private static final List<String> LIST = WordList.load();
    private static final int MAX_LENGTH = WORDS * 8 + DIGITS;

    static {
        if (wordEntropyBits() < MIN_ENTROPY_BITS) {
            throw new IllegalStateException("the word list is too short for " + MIN_ENTROPY_BITS + " bits");
        }
    }

    private final SecureRandom random;

    public PasswordGenerator() {
        this(new SecureRandom());
    }

    public PasswordGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new password; the caller wipes it after use. */
    public char[] generate() {
        char[] buffer = new char[MAX_LENGTH];
        int length = 0;
        for (int i = 0; i < WORDS; i++) {
            String word = LIST.get(random.nextInt(LIST.size()));
            word.getChars(0, word.length(), buffer, length);
            if (i == 0) {
                buffer[0] = Character.toUpperCase(buffer[0]);
            }
            length += word.length();
            buffer[length++] = '-';
        }
        for (int i = 0; i < DIGITS; i++) {
            buffer[length++] = (char) ('0' + random.nextInt(10));
        }
        char[] password = Arrays.copyOf(buffer, length);
        Arrays.fill(buffer, '\0');
        return password;
    }

    /** Entropy of the words alone: what the {@value #MIN_ENTROPY_BITS}-bit floor is checked against. */
    public static double wordEntropyBits() {
        return WORDS * log2(LIST.size());
    }

    /** Entropy of the whole password, words and digits. */
    public static double entropyBits() {
        return wordEntropyBits() + DIGITS * log2(10);
    }

    static int listSize() {
        return LIST.size();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
