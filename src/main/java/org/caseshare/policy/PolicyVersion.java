package org.caseshare.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which policy a decision was made under: the number the data protection officer gives it and the
 * SHA-256 of the exact policy text, so a stored record can prove which wording applied even if
 * someone edited the file without changing the number.
 *
 * @param number the version number written in the policy file, 1 or more
 * @param sha256 lower-case hex SHA-256 of the policy text as UTF-8
 */
public record PolicyVersion(int number, String sha256) {

    private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

    public PolicyVersion {
        if (number < 1) {
            throw new IllegalArgumentException("a policy version number starts at 1, not " + number);
        }
        Objects.requireNonNull(sha256, "sha256");
        if (!HEX_256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
    }

    /** The version of the given policy text. */
    public static PolicyVersion of(int number, String policyText) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(policyText.getBytes(StandardCharsets.UTF_8));
            return new PolicyVersion(number, HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Short label for pages and records, e.g. "v3 (1a2b3c4d)". */
    public String label() {
        return "v" + number + " (" + sha256.substring(0, 8) + ")";
    }

    @Override
    public String toString() {
        return label();
    }
}
