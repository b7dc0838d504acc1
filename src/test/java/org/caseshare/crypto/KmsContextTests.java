package org.caseshare.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.UUID;

import org.caseshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service started with {@code caseshare.crypto.kms.*} pointing at a local stand-in for
 * Vault's transit engine: the keyset file is encrypted under the transit key, and data sealed and
 * files encrypted under the keyset read back, including after key rotation writes the keyset again.
 */
abstract class KmsContextTests extends IntegrationTest {

    static final VaultTransitStandIn VAULT = startVault();

    @DynamicPropertySource
    static void kms(DynamicPropertyRegistry registry) {
        registry.add("caseshare.crypto.keyset-file", () -> "target/test-data/keys/kms-" + UUID.randomUUID() + ".json");
        registry.add("caseshare.crypto.kms.address", () -> VAULT.address().toString());
        registry.add("caseshare.crypto.kms.token", () -> VaultTransitStandIn.TOKEN);
        registry.add("caseshare.crypto.kms.key-name", () -> "caseshare");
        registry.add("caseshare.crypto.kms.read-timeout", () -> "5s");
    }

    @Autowired
    CryptoProperties properties;
    @Autowired
    SecretBox secrets;
    @Autowired
    FileEncryption files;
    @Autowired
    KeyRotation rotation;

    @Test
    void dataSealedUnderAKmsProtectedKeysetReadsBackAndTheKeysetOnDiskIsEncrypted() throws Exception {
        assertThat(properties.kms().enabled()).isTrue();
        assertThat(Files.readString(properties.keysetFile())).contains("encryptedKeyset");
        String sealed = secrets.seal("client secret", "kms-test");
        FileContext context = new FileContext(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        WrappedKey key = files.newKey(context);
        byte[] content = "a file under a KMS-protected keyset".getBytes();
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        try (OutputStream out = files.encryptingStream(encrypted, key, context)) {
            out.write(content);
        }

        assertThat(rotation.addKey().changed()).isTrue();
        rotation.promote();

        assertThat(Files.readString(properties.keysetFile())).contains("encryptedKeyset").doesNotContain("\"value\"");
        MasterKeyset reopened = new MasterKeyset(properties);
        assertThat(reopened.primaryKeyId()).isEqualTo((int) rotation.primaryKeyId());
        assertThat(new SecretBox(reopened).open(sealed, "kms-test")).isEqualTo("client secret");
        try (InputStream in = new FileEncryption(reopened).decryptingStream(new ByteArrayInputStream(encrypted.toByteArray()), key, context, null)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    private static VaultTransitStandIn startVault() {
        try {
            VaultTransitStandIn vault = new VaultTransitStandIn();
            vault.createKey("caseshare");
            return vault;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
