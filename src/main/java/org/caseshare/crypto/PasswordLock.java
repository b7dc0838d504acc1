package org.caseshare.crypto;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A package password's Argon2id parameters and salt (not secret), stored with the package:
 * {@code argon2id$v=19$m=65536,t=3,p=4$<base64 salt>}.
 */
public record PasswordLock(int memoryKiB, int iterations, int parallelism, byte[] salt) {

    private static final Pattern FORM = Pattern.compile("argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/=]+)");

    public PasswordLock {
        if (memoryKiB < 8 * 1024 || iterations < 1 || parallelism < 1 || salt.length < 16) {
            throw new IllegalArgumentException("Argon2id parameters below the floor");
        }
        salt = salt.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    public String encoded() {
        return "argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "$"
                + Base64.getEncoder().encodeToString(salt);
    }

    public static PasswordLock parse(String encoded) {
        Matcher m = FORM.matcher(encoded == null ? "" : encoded);
        if (!m.matches()) {
            throw new IllegalArgumentException("Unknown password-lock scheme");
        }
        return new PasswordLock(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), Base64.getDecoder().decode(m.group(4)));
    }

    @Override
    public String toString() {
        return encoded();
    }
}
