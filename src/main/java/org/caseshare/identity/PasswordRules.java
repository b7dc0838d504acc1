package org.caseshare.identity;

import java.util.Locale;
import java.util.Set;

/**
 * What makes a password acceptable: long (NCSC advice favours length over composition rules) and
 * not one of the most common choices.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of("password1234", "passwordpassword", "123456789012", "qwertyuiopas",
            "letmeinletmein", "welcome12345", "iloveyou1234", "administrator", "caseshare123", "password123!");

    private PasswordRules() {
    }

    /** @return an error message in GOV.UK style, or null when the password is acceptable */
    public static String problem(String password, String email) {
        if (password == null || password.isEmpty()) {
            return "Enter a password";
        }
        if (password.length() < MIN_LENGTH) {
            return "Password must be " + MIN_LENGTH + " characters or more";
        }
        if (password.length() > MAX_LENGTH) {
            return "Password must be " + MAX_LENGTH + " characters or fewer";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
            return "Choose a password that is harder to guess";
        }
        if (email != null && lower.contains(email.toLowerCase(Locale.ROOT).split("@")[0]) && email.split("@")[0].length() >= 4) {
            return "Password must not contain your email address";
        }
        return null;
    }
}
