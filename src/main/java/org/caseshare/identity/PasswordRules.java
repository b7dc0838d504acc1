package org.caseshare.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import org.caseshare.system.Catalogue;
import org.caseshare.system.Languages;
import org.caseshare.system.Text;

/**
 * What makes a password acceptable, after NIST SP 800-63B §5.1.1.2 and the NCSC: long, with no
 * composition rules (no "one capital, one digit"), any characters including spaces, and not easy to
 * guess. "Easy to guess" is judged by nbvcxz, which matches the password against the lists it
 * bundles — about 100,000 passwords seen in breaches, English words, names and surnames — and
 * against keyboard patterns, sequences, repeats and dates, and estimates the guesses an attacker
 * would need. Below {@value #MIN_ENTROPY_BITS} bits (about a billion guesses) it is refused: a
 * password from a breach list scores a few bits, four unrelated words score 40 or more.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    /** NIST asks that at least 64 be allowed; longer would only make hashing slower for nothing. */
    public static final int MAX_LENGTH = 128;
    static final double MIN_ENTROPY_BITS = 30;
    /** Parts of the person's email address or name shorter than this are too common to forbid. */
    private static final int PERSONAL_PART_LENGTH = 4;

    public static final String TOO_COMMON = Catalogue.text(Languages.ENGLISH, "identity.error.password-too-common");

    private static final Nbvcxz ESTIMATOR = new Nbvcxz(new ConfigurationBuilder().setMinimumEntropy(MIN_ENTROPY_BITS).createConfiguration());

    private PasswordRules() {
    }

    /** @return an error message in GOV.UK style, in English, or null when the password is acceptable */
    public static String problem(String password, String email) {
        return problem(password, email, null);
    }

    /** @return an error message in GOV.UK style, in English, or null when the password is acceptable */
    public static String problem(String password, String email, String name) {
        Text problem = problemText(password, email, name);
        return problem == null ? null : problem.resolve(Languages.ENGLISH);
    }

    /**
     * @param email the person's email address, whose local part the password must not contain
     * @param name  the person's name, whose parts the password must not contain (may be null)
     * @return an error message in GOV.UK style, to be shown in the reader's language, or null when the
     *         password is acceptable
     */
    public static Text problemText(String password, String email, String name) {
        if (password == null || password.isEmpty()) {
            return Text.of("identity.error.password");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Text.of("identity.error.password-short", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            return Text.of("identity.error.password-long", MAX_LENGTH);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        for (String part : personalParts(email, name)) {
            if (lower.contains(part)) {
                return Text.of("identity.error.password-personal");
            }
        }
        if (!ESTIMATOR.estimate(password).isMinimumEntropyMet()) {
            return Text.of("identity.error.password-too-common");
        }
        return null;
    }

    private static List<String> personalParts(String email, String name) {
        List<String> parts = new ArrayList<>();
        if (email != null && !email.isBlank()) {
            String local = email.toLowerCase(Locale.ROOT).split("@", -1)[0];
            parts.add(local);
            // "jo.smith" is also "jo" and "smith".
            parts.addAll(List.of(local.split("[._+\\-]")));
        }
        if (name != null) {
            parts.addAll(List.of(name.toLowerCase(Locale.ROOT).split("[\\s'.\\-]+")));
        }
        return parts.stream().filter(p -> p.length() >= PERSONAL_PART_LENGTH).distinct().toList();
    }
}
