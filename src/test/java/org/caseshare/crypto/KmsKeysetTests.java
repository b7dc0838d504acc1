package org.caseshare.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key-encryption keyset encrypted under a Vault transit key, against a local stand-in for Vault. */
class KmsKeysetTests {

    @TempDir
    Path dir;
    VaultTransitStandIn vault;

    @BeforeEach
    void startVault() throws Exception {
        vault = new VaultTransitStandIn();
        vault.createKey("caseshare");
        vault.createKey("someone-else");
    }

    @AfterEach
    void stopVault() {
        vault.close();
    }

    private CryptoProperties properties(String keyName, Duration readTimeout) {
        return new CryptoProperties(dir.resolve("keyset.json"), null, null,
                new CryptoProperties.Kms(vault.address(), VaultTransitStandIn.TOKEN, null, keyName, Duration.ofSeconds(2), readTimeout));
    }

    @Test
    void theKeysetIsStoredEncryptedUnderTheKmsKeyAndOpensAgainOnTheNextStart() throws Exception {
        MasterKeyset first = new MasterKeyset(properties("caseshare", Duration.ofSeconds(5)));
        String sealed = new SecretBox(first).seal("a second-factor seed", "totp:1");

        String stored = Files.readString(dir.resolve("keyset.json"));
        assertThat(stored).contains("encryptedKeyset").doesNotContain("\"value\"");
        MasterKeyset restarted = new MasterKeyset(properties("caseshare", Duration.ofSeconds(5)));
        assertThat(new SecretBox(restarted).open(sealed, "totp:1")).isEqualTo("a second-factor seed");
        assertThat(vault.calls.get()).isEqualTo(2);
    }

    @Test
    void aKeysetFileWrittenInClearIsEncryptedInPlaceWhenAKmsIsConfigured() throws Exception {
        MasterKeyset clear = new MasterKeyset(new CryptoProperties(dir.resolve("keyset.json"), null));
        String sealed = new SecretBox(clear).seal("a second-factor seed", "totp:1");
        assertThat(Files.readString(dir.resolve("keyset.json"))).doesNotContain("encryptedKeyset");

        MasterKeyset protectedNow = new MasterKeyset(properties("caseshare", Duration.ofSeconds(5)));

        assertThat(Files.readString(dir.resolve("keyset.json"))).contains("encryptedKeyset").doesNotContain("\"value\"");
        assertThat(new SecretBox(protectedNow).open(sealed, "totp:1")).isEqualTo("a second-factor seed");
        assertThat(new SecretBox(new MasterKeyset(properties("caseshare", Duration.ofSeconds(5)))).open(sealed, "totp:1"))
                .isEqualTo("a second-factor seed");
    }

    @Test
    void aKeysetInClearInConfigurationWithAKmsIsRefusedNamingTheSettings() throws Exception {
        String clearJson = Files.readString(writeClearKeyset());
        CryptoProperties both = new CryptoProperties(null, clearJson, null,
                new CryptoProperties.Kms(vault.address(), VaultTransitStandIn.TOKEN, null, "caseshare", null, null));

        assertThatThrownBy(() -> new MasterKeyset(both)).hasMessageContaining("caseshare.crypto.keyset holds a keyset in clear")
                .hasMessageContaining("caseshare.crypto.kms.address");
    }

    private Path writeClearKeyset() {
        new MasterKeyset(new CryptoProperties(dir.resolve("clear.json"), null));
        return dir.resolve("clear.json");
    }

    @Test
    void aWrongKmsKeyStopsStartUpNamingTheSetting() throws Exception {
        new MasterKeyset(properties("caseshare", Duration.ofSeconds(5)));
        CryptoProperties wrong = properties("someone-else", Duration.ofSeconds(5));

        new ApplicationContextRunner().withBean(CryptoProperties.class, () -> wrong).withBean(MasterKeyset.class)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("caseshare.crypto.kms.key-name").hasMessageContaining("someone-else"));
        assertThatThrownBy(() -> new MasterKeyset(properties("missing", Duration.ofSeconds(5))))
                .hasMessageContaining("The key-encryption keyset cannot be used")
                .hasMessageContaining("caseshare.crypto.kms.key-name (missing");
    }

    @Test
    void aKmsThatDoesNotAnswerFailsWithinTheReadTimeoutNamingTheSetting() {
        vault.hang();

        assertThatThrownBy(() -> new MasterKeyset(properties("caseshare", Duration.ofMillis(300))))
                .hasMessageContaining("caseshare.crypto.kms.address").hasMessageContaining("did not answer within");
    }

    @Test
    void aKmsThatCannotBeReachedFailsNamingTheSetting() {
        vault.close();

        assertThatThrownBy(() -> new MasterKeyset(properties("caseshare", Duration.ofSeconds(1))))
                .hasMessageContaining("caseshare.crypto.kms.address").hasMessageContaining("cannot be reached");
    }
}
