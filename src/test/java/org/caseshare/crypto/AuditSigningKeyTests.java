package org.caseshare.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.Ed25519Parameters;
import com.google.crypto.tink.signature.Ed25519PrivateKey;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import com.google.crypto.tink.signature.SignatureConfig;
import com.google.crypto.tink.util.Bytes;
import com.google.crypto.tink.util.SecretBytes;
import org.junit.jupiter.api.Test;

/**
 * Known answer: the example key and signed note of Go's golang.org/x/mod/sumdb/note, so a
 * checkpoint signed here verifies with Go's tools and the other way round.
 */
class AuditSigningKeyTests {

    static final String GO_VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

    static final String GO_SIGNER_KEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

    static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";

    static final String GO_SIGNATURE = "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=";

    /** The Go example private key, imported into a Tink keyset. */
    static AuditSigningKey peterNeumann() throws GeneralSecurityException {
        SignatureConfig.register();
        byte[] seed = Arrays.copyOfRange(Base64.getDecoder().decode(GO_SIGNER_KEY.split("\\+", 5)[4]), 1, 33);
        byte[] publicKey = AuditVerifyingKey.parse(GO_VERIFIER_KEY).publicKey();
        Ed25519PrivateKey key = Ed25519PrivateKey.create(Ed25519PublicKey.create(Bytes.copyFrom(publicKey)),
                SecretBytes.copyFrom(seed, InsecureSecretKeyAccess.get()));
        KeysetHandle keyset = KeysetHandle.newBuilder()
            .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
            .build();
        return AuditSigningKey.fromCleartextKeysetJson("PeterNeumann",
                TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
    }

    @Test
    void signsExactlyAsGoSumdbNoteDoes() throws GeneralSecurityException {
        AuditSigningKey key = peterNeumann();
        byte[] blob = Base64.getDecoder().decode(GO_SIGNATURE);
        assertThat(String.format("%08x", key.keyId())).isEqualTo("c74f20a3");
        assertThat(Arrays.copyOfRange(blob, 0, 4)).isEqualTo(new byte[] { (byte) 0xc7, 0x4f, 0x20, (byte) 0xa3 });
        assertThat(key.sign(GO_TEXT.getBytes(StandardCharsets.UTF_8))).isEqualTo(Arrays.copyOfRange(blob, 4, 68));
        assertThat(key.verifyingKey().verifierKey()).isEqualTo(GO_VERIFIER_KEY);
    }

    @Test
    void goVerifierKeyChecksTheGoSignature() throws GeneralSecurityException {
        AuditVerifyingKey key = AuditVerifyingKey.parse(GO_VERIFIER_KEY);
        byte[] signature = Arrays.copyOfRange(Base64.getDecoder().decode(GO_SIGNATURE), 4, 68);
        byte[] text = GO_TEXT.getBytes(StandardCharsets.UTF_8);
        assertThat(key.verify(text, signature)).isTrue();
        text[0] ^= 1;
        assertThat(key.verify(text, signature)).isFalse();
        assertThat(key.verify(null, signature)).isFalse();
        assertThat(key.verify(GO_TEXT.getBytes(StandardCharsets.UTF_8), new byte[3])).isFalse();
    }

    @Test
    void mangledVerifierKeysAreRefused() {
        for (String bad : new String[] { "", "PeterNeumann", "PeterNeumann+c74f20a3",
                "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                "PeterNeumanm+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T",
                "PeterNeumann+c74f20a3+Apc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW" }) {
            assertThatThrownBy(() -> AuditVerifyingKey.parse(bad)).as(bad).isInstanceOf(GeneralSecurityException.class);
        }
    }

    @Test
    void aGeneratedKeyRoundTripsThroughItsCleartextKeyset() throws GeneralSecurityException {
        AuditSigningKey key = AuditSigningKey.generate("caseshare.example/audit");
        AuditSigningKey reloaded = AuditSigningKey.fromCleartextKeysetJson("caseshare.example/audit",
                key.toCleartextKeysetJson());
        byte[] message = "entry\n".getBytes(StandardCharsets.UTF_8);
        assertThat(reloaded.verifyingKey()).isEqualTo(key.verifyingKey());
        assertThat(reloaded.keyId()).isEqualTo(key.keyId());
        assertThat(key.sign(message)).hasSize(64).isEqualTo(reloaded.sign(message));
        assertThat(key.verifyingKey().verify(message, reloaded.sign(message))).isTrue();
    }

    @Test
    void thePublicKeysetHoldsNoSecretAndVerifies() throws GeneralSecurityException {
        AuditSigningKey key = AuditSigningKey.generate("caseshare.example/audit");
        String publicJson = key.verifyingKey().toPublicKeysetJson();
        assertThat(publicJson).contains("ASYMMETRIC_PUBLIC").doesNotContain("ASYMMETRIC_PRIVATE");
        AuditVerifyingKey fromJson = AuditVerifyingKey.fromPublicKeysetJson("caseshare.example/audit", publicJson);
        AuditVerifyingKey fromText = AuditVerifyingKey.parse(key.verifyingKey().verifierKey());
        byte[] message = "entry\n".getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(message);
        assertThat(fromJson.verify(message, signature)).isTrue();
        assertThat(fromText.verify(message, signature)).isTrue();
        assertThat(AuditSigningKey.generate("caseshare.example/audit").verifyingKey().verify(message, signature))
            .as("another key")
            .isFalse();
    }

    @Test
    void keysetsThatWouldNotMakePlainEd25519SignaturesAreRefused() throws GeneralSecurityException {
        SignatureConfig.register();
        KeysetHandle tinkPrefixed = KeysetHandle.generateNew(Ed25519Parameters.create(Ed25519Parameters.Variant.TINK));
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(tinkPrefixed, InsecureSecretKeyAccess.get());
        assertThatThrownBy(() -> AuditSigningKey.fromCleartextKeysetJson("log", json))
            .isInstanceOf(GeneralSecurityException.class)
            .hasMessageContaining("NO_PREFIX");
        assertThatThrownBy(() -> AuditSigningKey.generate("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditSigningKey.generate("has+plus")).isInstanceOf(IllegalArgumentException.class);
    }

}
