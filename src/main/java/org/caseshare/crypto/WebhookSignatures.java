package org.caseshare.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import com.google.crypto.tink.subtle.PrfHmacJce;
import com.google.crypto.tink.subtle.PrfMac;
import com.google.crypto.tink.subtle.Random;

/**
 * Signing secrets and signatures as the Standard Webhooks specification defines them, so that any
 * receiver's library checks them: a secret is {@code whsec_} and base64 of 32 random bytes; a
 * signature is {@code v1,} and base64 of HMAC-SHA256, under the secret's bytes, of
 * {@code id + "." + timestamp + "." + body}. Tink's raw HMAC (no key-id prefix) computes it.
 */
public final class WebhookSignatures {

    public static final String SECRET_PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;

    private WebhookSignatures() {
    }

    /** A new signing secret from Tink's (the platform's secure) random source. */
    public static String newSecret() {
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(Random.randBytes(SECRET_BYTES));
    }

    /** The {@code webhook-signature} header's value for one message. */
    public static String sign(String secret, String messageId, long timestampSeconds, String body) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("Not a webhook signing secret");
        }
        byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        try {
            PrfMac mac = new PrfMac(new PrfHmacJce("HMACSHA256", new SecretKeySpec(key, "HMAC")), 32);
            byte[] signed = (messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8);
            return "v1," + Base64.getEncoder().encodeToString(mac.computeMac(signed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a webhook", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
