package org.caseshare.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PackagePasswordsTests {

    final PackagePasswords passwords = new PackagePasswords();
    final FileEncryption encryption = new FileEncryption(FileEncryptionTests.newMasterKeyset());

    @Test
    void generatedPasswordsAreReadableAndStrong() {
        assertThat(PackagePasswords.entropyBits()).isGreaterThanOrEqualTo(80);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String p = passwords.generate();
            assertThat(p).matches("[a-z]+(-[a-z]+){6}");
            seen.add(p);
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void lockEncodesItsParametersAndSalt() {
        PasswordLock lock = passwords.newLock();
        assertThat(lock.encoded()).startsWith("argon2id$v=19$m=65536,t=3,p=4$");
        PasswordLock parsed = PasswordLock.parse(lock.encoded());
        assertThat(parsed.salt()).isEqualTo(lock.salt());
        assertThat(passwords.newLock().salt()).isNotEqualTo(lock.salt());
        assertThatThrownBy(() -> PasswordLock.parse("argon2id$v=19$m=1024,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA=="))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passwordLayerRoundTripsAndRefusesWrongOrMissingPassword() throws IOException {
        FileContext context = new FileContext(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        WrappedKey key = encryption.newKey(context);
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        try (OutputStream out = encryption.encryptingStream(blob, key, context)) {
            out.write("secret".getBytes());
        }
        String name = encryption.sealName("a.txt", key, context);
        String password = passwords.generate();
        PasswordLock lock = passwords.newLock();
        WrappedKey locked;
        try (PasswordKey pk = PackagePasswords.derive(password.toCharArray(), lock)) {
            locked = encryption.lockWithPassword(key, context, pk);
        }
        assertThat(locked.passwordLocked()).isTrue();

        try (PasswordKey pk = PackagePasswords.derive((" " + password.toUpperCase() + " ").toCharArray(), lock);
             InputStream in = encryption.decryptingStream(new ByteArrayInputStream(blob.toByteArray()), locked, context, pk)) {
            assertThat(new String(in.readAllBytes())).isEqualTo("secret");
            assertThat(encryption.openName(name, locked, context, pk)).isEqualTo("a.txt");
        }
        try (PasswordKey wrong = PackagePasswords.derive("otter-blaze".toCharArray(), lock)) {
            assertThatThrownBy(() -> encryption.decryptingStream(new ByteArrayInputStream(blob.toByteArray()), locked, context, wrong))
                    .isInstanceOf(KeyAuthenticationException.class);
        }
        assertThatThrownBy(() -> encryption.decryptingStream(new ByteArrayInputStream(blob.toByteArray()), locked, context, null))
                .isInstanceOf(KeyAuthenticationException.class);
        // another salt with the right password derives another key
        try (PasswordKey otherSalt = PackagePasswords.derive(password.toCharArray(), passwords.newLock())) {
            assertThatThrownBy(() -> encryption.openName(name, locked, context, otherSalt))
                    .isInstanceOf(KeyAuthenticationException.class);
        }
        // the password layer is bound to its file too
        FileContext other = new FileContext(context.organisationId(), context.packageId(), UUID.randomUUID());
        try (PasswordKey pk = PackagePasswords.derive(password.toCharArray(), lock)) {
            assertThatThrownBy(() -> encryption.openName(name, locked, other, pk)).isInstanceOf(KeyAuthenticationException.class);
        }
    }
}
