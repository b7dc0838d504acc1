package org.caseshare.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validates and normalises a login email address (NFKC, lower case, trimmed). */
public final class EmailAddress {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}$");

    private EmailAddress() {
    }

    public static String normalise(String email) {
        if (email == null || email.isBlank()) {
            throw new Refusal("identity.error.email");
        }
        // NFKC folds look-alike compatibility forms (full-width letters and the like) to one spelling.
        String trimmed = Normalizer.normalize(email, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        if (trimmed.length() > 320 || !SHAPE.matcher(trimmed).matches()) {
            throw new Refusal("identity.error.email-format");
        }
        return trimmed;
    }

    /** The part after the @ of a stored (normalised) address, as single sign-on domains are kept. */
    static String domain(String email) {
        return email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    public static boolean valid(String email) {
        try {
            normalise(email);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
