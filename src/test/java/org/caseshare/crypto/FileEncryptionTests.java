package org.caseshare.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Envelope encryption: round trips, a stored known-answer vector, and tampering of every kind. */
class FileEncryptionTests {

    static final int SEGMENT = 64 * 1024;
    static final int TINK_HEADER = 1 + 32 + 7;
    static final int FIRST_PLAIN = SEGMENT - TINK_HEADER - 16;
    static final int PLAIN = SEGMENT - 16;

    static final UUID ORG_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID ORG_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    final FileEncryption encryption = new FileEncryption(newMasterKeyset());
    final SecureRandom random = new SecureRandom();

    static MasterKeyset newMasterKeyset() {
        try {
            AeadConfig.register();
            String json = TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
            return new MasterKeyset(new CryptoProperties(null, json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static FileContext newContext(UUID org) {
        return new FileContext(org, UUID.randomUUID(), UUID.randomUUID());
    }

    byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    byte[] encrypt(byte[] plain, WrappedKey key, FileContext context) throws IOException {
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        try (OutputStream out = encryption.encryptingStream(blob, key, context)) {
            out.write(plain);
        }
        return blob.toByteArray();
    }

    byte[] decrypt(byte[] blob, WrappedKey key, FileContext context) throws IOException {
        try (InputStream in = encryption.decryptingStream(new ByteArrayInputStream(blob), key, context, null)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, FIRST_PLAIN - 1, FIRST_PLAIN, FIRST_PLAIN + 1, FIRST_PLAIN + 3 * PLAIN, 1_000_003})
    void roundTripsAnySize(int size) throws IOException {
        FileContext context = newContext(ORG_A);
        WrappedKey key = encryption.newKey(context);
        byte[] plain = randomBytes(size);
        byte[] blob = encrypt(plain, key, context);
        assertThat(Arrays.copyOf(blob, 5)).containsExactly('C', 'S', 'H', 'B', 1);
        assertThat(decrypt(blob, key, context)).isEqualTo(plain);
    }

    /** However the caller slices its writes (one byte, odd sizes, many segments at once), the file round-trips. */
    @ParameterizedTest
    @ValueSource(ints = {1, 7, 4096, FIRST_PLAIN, PLAIN + 1, 3 * SEGMENT + 5})
    void roundTripsWhateverTheWriteSizes(int writeSize) throws IOException {
        FileContext context = newContext(ORG_A);
        WrappedKey key = encryption.newKey(context);
        byte[] plain = randomBytes(FIRST_PLAIN + 4 * PLAIN + 333);
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        try (OutputStream out = encryption.encryptingStream(blob, key, context)) {
            for (int off = 0; off < plain.length; off += writeSize) {
                out.write(plain, off, Math.min(writeSize, plain.length - off));
            }
        }
        assertThat(blob.toByteArray()).hasSize(plain.length + 5 + TINK_HEADER + 6 * 16);
        assertThat(decrypt(blob.toByteArray(), key, context)).isEqualTo(plain);
    }

    @Test
    void eachFileHasItsOwnKeyAndCiphertext() throws IOException {
        FileContext context = newContext(ORG_A);
        byte[] plain = "same content".getBytes(StandardCharsets.UTF_8);
        WrappedKey key = encryption.newKey(context);
        assertThat(encryption.newKey(context)).isNotEqualTo(key);
        assertThat(encrypt(plain, key, context)).isNotEqualTo(encrypt(plain, key, context));
        assertThat(new String(encrypt(plain, key, context), StandardCharsets.ISO_8859_1)).doesNotContain("same content");
    }

    @Test
    void knownAnswerVectorStillDecrypts() throws IOException {
        // Written once by KnownAnswerVector.main with scheme 1; it must open forever after.
        Properties vector = KnownAnswerVector.load();
        FileEncryption fixed = new FileEncryption(new MasterKeyset(new CryptoProperties(null, vector.masterKeyset())));
        FileContext context = vector.context();
        WrappedKey key = new WrappedKey(vector.wrappedKey());
        try (InputStream in = fixed.decryptingStream(new ByteArrayInputStream(vector.blob()), key, context, null)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(KnownAnswerVector.PLAINTEXT);
        }
        assertThat(fixed.openName(vector.sealedName(), key, context, null)).isEqualTo(KnownAnswerVector.NAME);
        try (InputStream in = fixed.decryptingStream(new ByteArrayInputStream(vector.lockedBlob()),
                new WrappedKey(vector.lockedKey()), context,
                PackagePasswords.derive(KnownAnswerVector.PASSWORD.toCharArray(), PasswordLock.parse(vector.lock())))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(KnownAnswerVector.PLAINTEXT);
        }
    }

    record Properties(String masterKeyset, FileContext context, String wrappedKey, byte[] blob, String sealedName,
                      String lock, String lockedKey, byte[] lockedBlob) {
    }

    // --- tampering: every case must fail authentication and release no unauthenticated plaintext ---

    @Test
    void flippedByteInAnySegmentFailsAndReleasesOnlyEarlierSegments() throws IOException {
        FileContext context = newContext(ORG_A);
        WrappedKey key = encryption.newKey(context);
        byte[] plain = randomBytes(FIRST_PLAIN + 3 * PLAIN + 100);
        byte[] blob = encrypt(plain, key, context);
        int[] positions = {0, 4, 5, 5 + TINK_HEADER - 1, 5 + TINK_HEADER + 10, 5 + SEGMENT + 7, 5 + 2 * SEGMENT + 100, blob.length - 1};
        int[] releasableBefore = {0, 0, 0, 0, 0, FIRST_PLAIN, FIRST_PLAIN + PLAIN, FIRST_PLAIN + 3 * PLAIN};
        for (int i = 0; i < positions.length; i++) {
            byte[] tampered = blob.clone();
            tampered[positions[i]] ^= 0x01;
            assertFailsAfterAtMost(tampered, key, context, plain, releasableBefore[i]);
        }
    }

    @Test
    void truncationIsDetected() throws IOException {
        FileContext context = newContext(ORG_A);
        WrappedKey key = encryption.newKey(context);
        byte[] plain = randomBytes(FIRST_PLAIN + 2 * PLAIN + 10);
        byte[] blob = encrypt(plain, key, context);
        // drop the last segment exactly, a single byte, and everything after the header
        assertFailsAfterAtMost(Arrays.copyOf(blob, 5 + 3 * SEGMENT - TINK_HEADER), key, context, plain, FIRST_PLAIN + PLAIN);
        assertFailsAfterAtMost(Arrays.copyOf(blob, blob.length - 1), key, context, plain, FIRST_PLAIN + 2 * PLAIN);
        assertFailsAfterAtMost(Arrays.copyOf(blob, 5 + TINK_HEADER), key, context, plain, 0);
        assertFailsAfterAtMost(Arrays.copyOf(blob, 3), key, context, plain, 0);
    }

    @Test
    void reorderedOrDuplicatedSegmentsAreDetected() throws IOException {
        FileContext context = newContext(ORG_A);
        WrappedKey key = encryption.newKey(context);
        byte[] plain = randomBytes(FIRST_PLAIN + 3 * PLAIN + 10);
        byte[] blob = encrypt(plain, key, context);
        int seg1 = 5 + SEGMENT - 0;
        int seg2 = seg1 + SEGMENT;
        byte[] swapped = blob.clone();
        System.arraycopy(blob, seg1, swapped, seg2, SEGMENT);
        System.arraycopy(blob, seg2, swapped, seg1, SEGMENT);
        assertFailsAfterAtMost(swapped, key, context, plain, FIRST_PLAIN);
        byte[] duplicated = blob.clone();
        System.arraycopy(blob, seg1, duplicated, seg2, SEGMENT);
        assertFailsAfterAtMost(duplicated, key, context, plain, FIRST_PLAIN + PLAIN);
    }

    @Test
    void unknownSchemeVersionIsRefused() throws IOException {
        FileContext context = newContext(ORG_A);
        WrappedKey key = encryption.newKey(context);
        byte[] blob = encrypt(randomBytes(10), key, context);
        blob[4] = 2;
        assertThatThrownBy(() -> decrypt(blob, key, context)).isInstanceOf(IOException.class).hasMessageContaining("scheme");
    }

    @Test
    void blobsSwappedBetweenFilesPackagesOrTenantsFail() throws IOException {
        FileContext a = newContext(ORG_A);
        WrappedKey keyA = encryption.newKey(a);
        byte[] blobA = encrypt(randomBytes(5000), keyA, a);
        FileContext b = newContext(ORG_A);
        WrappedKey keyB = encryption.newKey(b);
        byte[] blobB = encrypt(randomBytes(5000), keyB, b);
        // blob of A served as B's file
        assertThatThrownBy(() -> decrypt(blobA, keyB, b)).isInstanceOf(IOException.class);
        // blob and key of A both moved to another file of the same package, another package, another tenant
        for (FileContext moved : new FileContext[] {
                new FileContext(a.organisationId(), a.packageId(), UUID.randomUUID()),
                new FileContext(a.organisationId(), UUID.randomUUID(), a.fileId()),
                new FileContext(ORG_B, a.packageId(), a.fileId())}) {
            assertThatThrownBy(() -> decrypt(blobA, keyA, moved)).isInstanceOf(KeyAuthenticationException.class);
            assertThatThrownBy(() -> encryption.openName(encryption.sealName("x", keyA, a), keyA, moved, null))
                    .isInstanceOf(KeyAuthenticationException.class);
        }
        assertThat(decrypt(blobB, keyB, b)).hasSize(5000);
    }

    @Test
    void aDataKeyAloneDoesNotOpenAnotherContextsContent() throws IOException {
        // An attacker who could re-wrap A's data key for B's context still meets the content's associated data.
        FileContext a = newContext(ORG_A);
        MasterKeyset master = newMasterKeyset();
        FileEncryption fe = new FileEncryption(master);
        WrappedKey keyA = fe.newKey(a);
        byte[] blobA;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream enc = fe.encryptingStream(out, keyA, a)) {
            enc.write(randomBytes(100));
        }
        blobA = out.toByteArray();
        FileContext b = new FileContext(ORG_B, a.packageId(), a.fileId());
        byte[] raw = master.unwrap(java.util.Base64.getDecoder().decode(keyA.encoded().substring(4)),
                a.associatedData("data-key", 1, new byte[0]));
        WrappedKey rewrapped = WrappedKey.of(false, master.wrap(raw, b.associatedData("data-key", 1, new byte[0])));
        assertThatThrownBy(() -> {
            try (InputStream in = fe.decryptingStream(new ByteArrayInputStream(blobA), rewrapped, b, null)) {
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void fileNamesAreSealedUnderTheFileKey() {
        FileContext context = newContext(ORG_A);
        WrappedKey key = encryption.newKey(context);
        String sealed = encryption.sealName("Report on Jane Doe.pdf", key, context);
        assertThat(sealed).startsWith("fn1:").doesNotContain("Jane");
        assertThat(encryption.openName(sealed, key, context, null)).isEqualTo("Report on Jane Doe.pdf");
        String tampered = sealed.substring(0, sealed.length() - 6) + (sealed.charAt(sealed.length() - 6) == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 5);
        assertThatThrownBy(() -> encryption.openName(tampered, key, context, null)).isInstanceOf(KeyAuthenticationException.class);
    }

    @Test
    void wrappedKeyFlipFailsClosed() {
        FileContext context = newContext(ORG_A);
        WrappedKey key = encryption.newKey(context);
        byte[] bytes = key.bytes();
        bytes[bytes.length / 2] ^= 1;
        WrappedKey bad = WrappedKey.of(false, bytes);
        assertThatThrownBy(() -> encryption.decryptingStream(new ByteArrayInputStream(new byte[100]), bad, context, null))
                .isInstanceOf(KeyAuthenticationException.class);
    }

    private void assertFailsAfterAtMost(byte[] tampered, WrappedKey key, FileContext context, byte[] plain, int releasable) {
        ByteArrayOutputStream released = new ByteArrayOutputStream();
        assertThatThrownBy(() -> {
            try (InputStream in = encryption.decryptingStream(new ByteArrayInputStream(tampered), key, context, null)) {
                byte[] buf = new byte[4096];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    released.write(buf, 0, n);
                }
            }
        }).isInstanceOf(IOException.class);
        assertThat(released.size()).as("plaintext released before the failure").isLessThanOrEqualTo(releasable);
        assertThat(released.toByteArray()).isEqualTo(Arrays.copyOf(plain, released.size()));
    }
}
