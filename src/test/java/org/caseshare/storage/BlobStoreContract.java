package org.caseshare.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** What every BlobStore adapter must do; each adapter's test class extends this. */
abstract class BlobStoreContract {

    abstract BlobStore store();

    static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    /** Yields {@code good} bytes, then fails like a dropped connection. */
    static InputStream failingAfter(int good) {
        return new InputStream() {
            int left = good;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("connection reset");
                }
                return 7;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    throw new IOException("connection reset");
                }
                int n = Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 7);
                left -= n;
                return n;
            }
        };
    }

    @Test
    void putGetExistsDelete() throws IOException {
        byte[] data = random(100_000);
        assertThat(store().exists("hub/a/one")).isFalse();
        assertThat(store().put("hub/a/one", new ByteArrayInputStream(data))).isEqualTo(100_000);
        assertThat(store().exists("hub/a/one")).isTrue();
        try (InputStream in = store().get("hub/a/one")) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        store().delete("hub/a/one");
        assertThat(store().exists("hub/a/one")).isFalse();
        assertThatThrownBy(() -> store().get("hub/a/one")).isInstanceOf(BlobNotFoundException.class);
        store().delete("hub/a/one");
    }

    @Test
    void emptyBlobAndReplacement() throws IOException {
        store().put("hub/b/x", new ByteArrayInputStream(new byte[0]));
        try (InputStream in = store().get("hub/b/x")) {
            assertThat(in.readAllBytes()).isEmpty();
        }
        store().put("hub/b/x", new ByteArrayInputStream(new byte[] {1, 2, 3}));
        try (InputStream in = store().get("hub/b/x")) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
    }

    @Test
    void aFailedWriteLeavesNothingVisible() {
        assertThatThrownBy(() -> store().put("hub/c/broken", failingAfter(300_000))).isInstanceOf(StorageException.class);
        assertThat(store().exists("hub/c/broken")).isFalse();
        assertThat(store().keysOlderThan("hub", Instant.now().plusSeconds(60))).doesNotContain("hub/c/broken");
    }

    @Test
    void aFailedReplacementKeepsTheOldBlob() throws IOException {
        store().put("hub/d/keep", new ByteArrayInputStream(new byte[] {9}));
        assertThatThrownBy(() -> store().put("hub/d/keep", failingAfter(1000))).isInstanceOf(StorageException.class);
        try (InputStream in = store().get("hub/d/keep")) {
            assertThat(in.readAllBytes()).containsExactly(9);
        }
    }

    @Test
    void listsKeysOlderThanACutoff() {
        store().put("hub/e/1", new ByteArrayInputStream(new byte[] {1}));
        store().put("hub/e/2", new ByteArrayInputStream(new byte[] {2}));
        assertThat(store().keysOlderThan("hub/e", Instant.now().plusSeconds(60))).containsExactlyInAnyOrder("hub/e/1", "hub/e/2");
        assertThat(store().keysOlderThan("hub/e", Instant.now().minusSeconds(3600))).isEmpty();
        assertThat(store().keysOlderThan("hub/nothing", Instant.now())).isEmpty();
    }

    @Test
    void refusesKeysThatCouldEscape() {
        for (String bad : new String[] {"../x", "/abs", "a/../../b", "A/B", "a//b", "a\\b", "", "a/.hidden"}) {
            assertThatThrownBy(() -> store().put(bad, new ByteArrayInputStream(new byte[1])))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
