package org.caseshare.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Early flushes while a blob is written: when they start, that they never pile up, and that a failure is not lost. */
class BackgroundFlushTests {

    @TempDir
    Path root;

    @Test
    void flushesOnceEnoughHasBeenWrittenAndNotBefore() throws Exception {
        AtomicInteger flushes = new AtomicInteger();
        try (BackgroundFlush flush = new BackgroundFlush(flushes::incrementAndGet, 100)) {
            flush.wrote(60);
            flush.finish();
            assertThat(flushes).hasValue(0);
            flush.wrote(40);
            flush.finish();
            assertThat(flushes).hasValue(1);
            flush.wrote(99);
            flush.finish();
            assertThat(flushes).hasValue(1);
        }
    }

    @Test
    void neverRunsTwoFlushesAtOnceWhenTheDiskIsSlowerThanTheWriter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        try (BackgroundFlush flush = new BackgroundFlush(() -> {
            started.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 10)) {
            for (int i = 0; i < 50; i++) {
                flush.wrote(10);
            }
            release.countDown();
            flush.finish();
        }
        assertThat(started).hasValue(1);
    }

    @Test
    void aFailedFlushFailsTheWrite() throws Exception {
        try (BackgroundFlush flush = new BackgroundFlush(() -> {
            throw new IOException("disk gone");
        }, 10)) {
            flush.wrote(10);
            assertThatThrownBy(flush::finish).isInstanceOf(IOException.class).hasMessage("disk gone");
        }
    }

    @Test
    void aBlobSeveralFlushesLongIsStoredWhole() throws Exception {
        long size = 3 * BackgroundFlush.EVERY + 12_345;
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        assertThat(store.put("hub/p/f", new DigestInputStream(new PseudoRandom(size), written))).isEqualTo(size);
        MessageDigest read = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(store.get("hub/p/f"), read)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertThat(read.digest()).isEqualTo(written.digest());
    }

    /** {@code size} repeatable bytes, made as they are read. */
    private static final class PseudoRandom extends InputStream {
        private final Random random = new Random(42);
        private long left;

        PseudoRandom(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            byte[] bytes = new byte[n];
            random.nextBytes(bytes);
            System.arraycopy(bytes, 0, b, off, n);
            left -= n;
            return n;
        }
    }
}
