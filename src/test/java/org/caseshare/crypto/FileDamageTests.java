package org.caseshare.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * Damage to a stored file is told apart from a storage outage, and the first segment is
 * authenticated before the decrypting stream is handed out (so a download can refuse before it
 * sends any header).
 */
class FileDamageTests {

    static final int SEGMENT = FileEncryptionTests.SEGMENT;
    static final int FIRST_CIPHERTEXT = FileEncryption.HEADER_LENGTH + FileEncryptionTests.TINK_HEADER;

    final FileEncryption encryption = new FileEncryption(FileEncryptionTests.newMasterKeyset());
    final FileContext context = FileEncryptionTests.newContext(FileEncryptionTests.ORG_A);
    final WrappedKey key = encryption.newKey(context);
    final byte[] plain = new byte[5 * SEGMENT];
    final byte[] blob;

    FileDamageTests() throws IOException {
        new SecureRandom().nextBytes(plain);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encrypting = encryption.encryptingStream(out, key, context)) {
            encrypting.write(plain);
        }
        blob = out.toByteArray();
    }

    @Test
    void aFlippedByteInTheFirstSegmentFailsBeforeTheStreamIsHandedOut() {
        byte[] tampered = flipped(FIRST_CIPHERTEXT + 100);
        assertThatThrownBy(() -> encryption.decryptingStream(new ByteArrayInputStream(tampered), key, context, null).close())
                .isInstanceOf(ContentAuthenticationException.class);
    }

    @Test
    void aDamagedHeaderIsDamageToo() {
        assertThatThrownBy(() -> encryption.decryptingStream(new ByteArrayInputStream(flipped(1)), key, context, null).close())
                .isInstanceOf(ContentAuthenticationException.class);
        assertThatThrownBy(() -> encryption.decryptingStream(new ByteArrayInputStream(flipped(FileEncryption.HEADER_LENGTH + 3)), key, context, null).close())
                .isInstanceOf(ContentAuthenticationException.class);
    }

    @Test
    void aFlippedByteInALaterSegmentFailsWhenReadWithDamageAfterTheGoodSegments() throws IOException {
        byte[] tampered = flipped(FileEncryption.HEADER_LENGTH + 3 * SEGMENT + 10);
        ByteArrayOutputStream released = new ByteArrayOutputStream();
        try (InputStream in = encryption.decryptingStream(new ByteArrayInputStream(tampered), key, context, null)) {
            assertThatThrownBy(() -> in.transferTo(released)).isInstanceOf(ContentAuthenticationException.class);
        }
        int goodSegments = FileEncryptionTests.FIRST_PLAIN + 2 * FileEncryptionTests.PLAIN;
        // a read that straddles into the bad segment returns nothing, so fewer may arrive, never more
        assertThat(released.size()).isGreaterThan(FileEncryptionTests.FIRST_PLAIN).isLessThanOrEqualTo(goodSegments);
        assertThat(released.toByteArray()).isEqualTo(Arrays.copyOf(plain, released.size()));
    }

    @Test
    void aTruncatedBlobIsDamage() throws IOException {
        byte[] cut = Arrays.copyOf(blob, FileEncryption.HEADER_LENGTH + 2 * SEGMENT);
        try (InputStream in = encryption.decryptingStream(new ByteArrayInputStream(cut), key, context, null)) {
            assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream())).isInstanceOf(ContentAuthenticationException.class);
        }
    }

    @Test
    void storageThatCannotBeReadIsNotReportedAsDamage() throws IOException {
        assertThatThrownBy(() -> encryption.decryptingStream(failingAfter(1000), key, context, null).close())
                .isInstanceOf(IOException.class).isNotInstanceOf(ContentAuthenticationException.class);
        try (InputStream in = encryption.decryptingStream(failingAfter(3 * SEGMENT), key, context, null)) {
            assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
                    .isInstanceOf(IOException.class).isNotInstanceOf(ContentAuthenticationException.class);
        }
    }

    @Test
    void anUndamagedFileStillRoundTrips() throws IOException {
        try (InputStream in = encryption.decryptingStream(new ByteArrayInputStream(blob), key, context, null)) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
    }

    private byte[] flipped(int offset) {
        byte[] copy = blob.clone();
        copy[offset] ^= 0x01;
        return copy;
    }

    /** A disk or network that fails part way through: the bytes it did deliver are genuine. */
    private InputStream failingAfter(int good) {
        return new FilterInputStream(new ByteArrayInputStream(blob)) {
            int left = good;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    throw new IOException("disk read error");
                }
                int n = super.read(b, off, Math.min(len, left));
                left -= Math.max(n, 0);
                return n;
            }
        };
    }
}
