package org.caseshare.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two nodes reading one keyset file: why a new key is added before it is made primary. Each node
 * here re-reads the file at every use (reload-every 0).
 */
class KeysetReloadTests {

    @TempDir
    Path dir;

    private MasterKeyset node() {
        return new MasterKeyset(new CryptoProperties(dir.resolve("keyset.json"), null, Duration.ZERO, null));
    }

    @Test
    void aKeyAddedOnOneNodeReachesTheOtherBeforeItIsPrimarySoWhatEitherSealsTheOtherOpens() throws Exception {
        MasterKeyset a = node();
        MasterKeyset b = node();
        int oldKey = a.primaryKeyId();

        KeysetHandle.Builder added = KeysetHandle.newBuilder(a.handle());
        added.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId());
        a.replace(added.build());
        assertThat(b.handle().size()).isEqualTo(2);
        assertThat(b.primaryKeyId()).isEqualTo(oldKey);

        KeysetHandle.Builder promoted = KeysetHandle.newBuilder(a.handle());
        promoted.getAt(1).makePrimary();
        a.replace(promoted.build());
        String sealedByA = new SecretBox(a).seal("seed", "totp:1");

        assertThat(SecretBox.keyIdOf(sealedByA)).isEqualTo(a.primaryKeyId() & 0xffffffffL).isNotEqualTo(oldKey & 0xffffffffL);
        assertThat(new SecretBox(b).open(sealedByA, "totp:1")).isEqualTo("seed");
    }

    @Test
    void aDamagedKeysetFileLeavesARunningNodeWithTheKeysetItHad() throws Exception {
        MasterKeyset a = node();
        String sealed = new SecretBox(a).seal("seed", "totp:1");
        Files.writeString(dir.resolve("keyset.json"), "{ half-written");
        Files.setLastModifiedTime(dir.resolve("keyset.json"), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));

        assertThat(new SecretBox(a).open(sealed, "totp:1")).isEqualTo("seed");
        assertThatThrownBy(this::node).hasMessageContaining("The key-encryption keyset cannot be used");
    }
}
