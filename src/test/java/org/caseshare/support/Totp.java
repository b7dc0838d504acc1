package org.caseshare.support;

import java.time.Instant;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;

/** What an authenticator app would show for a seed at a time step. */
public final class Totp {

    private Totp() {
    }

    public static long step(Instant instant) {
        return instant.getEpochSecond() / 30;
    }

    public static String code(String secret, long step) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
