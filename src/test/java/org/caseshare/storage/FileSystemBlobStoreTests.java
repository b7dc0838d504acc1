package org.caseshare.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTests extends BlobStoreContract {

    @TempDir
    Path root;

    FileSystemBlobStore store;

    @Override
    BlobStore store() {
        if (store == null) {
            store = new FileSystemBlobStore(root);
        }
        return store;
    }

    /**
     * Listing while other threads write (each write renames its temporary file into place) and
     * delete: a file that vanishes between being listed and being looked at is skipped. Found when
     * two emails were filed into the outbox at once and one failed with NoSuchFileException.
     */
    @Test
    void listingWhileOthersWriteAndDeleteNeverFails() throws Exception {
        BlobStore blobs = store();
        CompletableFuture<Void> writers = CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> churn(blobs, "a")), CompletableFuture.runAsync(() -> churn(blobs, "b")));
        int listings = 0;
        while (!writers.isDone()) {
            blobs.keysOlderThan("churn", Instant.MAX);
            blobs.removeIncomplete(Instant.EPOCH);
            listings++;
        }
        writers.get(1, TimeUnit.MINUTES);
        assertThat(listings).isPositive();
        assertThat(blobs.keysOlderThan("churn", Instant.MAX)).hasSize(2 * 1_000);
    }

    private static void churn(BlobStore blobs, String writer) {
        for (int i = 0; i < 1_000; i++) {
            blobs.put("churn/" + writer + "/" + i, InputStream.nullInputStream());
            blobs.put("churn/" + writer + "/gone-" + i, InputStream.nullInputStream());
            blobs.delete("churn/" + writer + "/gone-" + i);
        }
    }

    @Test
    void aBlobIsInvisibleUntilItsWriteCompletes() throws Exception {
        CountDownLatch halfWritten = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        InputStream slow = new InputStream() {
            int sent;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent == 200_000) {
                    halfWritten.countDown();
                    try {
                        proceed.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (sent >= 400_000) {
                    return -1;
                }
                int n = Math.min(len, Math.min(400_000 - sent, 200_000 - (sent % 200_000)));
                sent += n;
                return n;
            }
        };
        CompletableFuture<Long> writing = CompletableFuture.supplyAsync(() -> store().put("hub/p/f", slow));
        assertThat(halfWritten.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(store().exists("hub/p/f")).isFalse();
        assertThat(root.resolve("hub/p/f")).doesNotExist();
        assertThat(store().keysOlderThan("hub", Instant.now().plusSeconds(60))).isEmpty();
        proceed.countDown();
        assertThat(writing.get(10, TimeUnit.SECONDS)).isEqualTo(400_000);
        assertThat(Files.size(root.resolve("hub/p/f"))).isEqualTo(400_000);
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void leftoversOfAKilledWriterAreRemovedOnceStale() throws IOException {
        Files.createDirectories(root.resolve("hub/q"));
        Path stale = root.resolve("hub/q/" + FileSystemBlobStore.TEMP_PREFIX + "dead");
        Path fresh = root.resolve("hub/q/" + FileSystemBlobStore.TEMP_PREFIX + "busy");
        Files.write(stale, new byte[10]);
        Files.write(fresh, new byte[10]);
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(7200)));
        assertThat(store().keysOlderThan("hub", Instant.now().plusSeconds(60))).isEmpty();
        assertThat(store().removeIncomplete(Instant.now().minusSeconds(3600))).isEqualTo(1);
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
    }

    @Test
    void deletingTheLastBlobRemovesEmptyFolders() {
        store().put("hub/r/s/t", new java.io.ByteArrayInputStream(new byte[] {1}));
        store().delete("hub/r/s/t");
        assertThat(root.resolve("hub/r")).doesNotExist();
        assertThat(root).exists();
    }

    private java.util.List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().startsWith(FileSystemBlobStore.TEMP_PREFIX)).toList();
        }
    }
}
