package org.caseshare.crypto;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.crypto.tink.Aead;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Tink {@link Aead} whose key stays in HashiCorp Vault's transit engine: encrypting and decrypting
 * are calls to {@code /v1/<mount>/encrypt/<key>} and {@code /decrypt/<key>}. No cipher runs here,
 * only HTTP; it is used for one thing, to open (and re-seal) the key-encryption keyset, so Vault is
 * asked at start-up and when the keyset changes, never per request. Every call has a connect and a
 * read timeout, and every failure names the setting to look at.
 */
final class VaultTransitAead implements Aead {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CryptoProperties.Kms kms;
    private final HttpClient http;

    VaultTransitAead(CryptoProperties.Kms kms) {
        if (kms.keyName() == null || kms.keyName().isBlank()) {
            throw new IllegalStateException("Set caseshare.crypto.kms.key-name: the Vault transit key that encrypts the keyset");
        }
        this.kms = kms;
        this.http = HttpClient.newBuilder().connectTimeout(kms.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("plaintext", Base64.getEncoder().encodeToString(plaintext));
        addAssociatedData(body, associatedData);
        JsonNode answer = call("encrypt", body);
        return answer.path("data").path("ciphertext").asString("").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("ciphertext", new String(ciphertext, StandardCharsets.US_ASCII));
        addAssociatedData(body, associatedData);
        JsonNode answer = call("decrypt", body);
        try {
            return Base64.getDecoder().decode(answer.path("data").path("plaintext").asString(""));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("Vault's decrypt answer holds no plaintext");
        }
    }

    private static void addAssociatedData(Map<String, String> body, byte[] associatedData) {
        if (associatedData != null && associatedData.length > 0) {
            body.put("associated_data", Base64.getEncoder().encodeToString(associatedData));
        }
    }

    private JsonNode call(String operation, Map<String, String> body) throws GeneralSecurityException {
        URI uri = URI.create(kms.address().toString().replaceAll("/+$", "") + "/v1/" + kms.mount() + "/" + operation + "/" + kms.keyName());
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(kms.readTimeout())
                .header("X-Vault-Token", kms.token() == null ? "" : kms.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new GeneralSecurityException("Vault at caseshare.crypto.kms.address (" + kms.address() + ") did not answer within "
                    + "its timeout (caseshare.crypto.kms.connect-timeout " + kms.connectTimeout() + ", read-timeout " + kms.readTimeout() + ")", e);
        } catch (IOException e) {
            throw new GeneralSecurityException("Vault at caseshare.crypto.kms.address (" + kms.address() + ") cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GeneralSecurityException("Interrupted while asking Vault to " + operation, e);
        }
        if (response.statusCode() != 200) {
            // Vault's errors say what is wrong ("encryption key not found", "permission denied") and hold no secret.
            throw new GeneralSecurityException("Vault refused to " + operation + " with the transit key named in caseshare.crypto.kms.key-name ("
                    + kms.keyName() + ", mount caseshare.crypto.kms.mount " + kms.mount() + "): HTTP " + response.statusCode() + " "
                    + abbreviate(response.body()));
        }
        return JSON.readTree(response.body());
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
