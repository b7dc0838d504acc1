package org.caseshare.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;

/** The blob store's readiness check: a store that hangs makes it DOWN, it never waits on it, nor piles up probes. */
class BlobStoreHealthIndicatorTests {

    @TempDir
    Path root;

    @Test
    void aHangingStoreIsDownAfterTheDeadlineAndOnlyOneProbeWaitsOnIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger probes = new AtomicInteger();
        BlobStore hanging = new FileSystemBlobStore(root) {
            @Override
            public void probe() {
                probes.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        BlobStoreHealthIndicator health = new BlobStoreHealthIndicator(hanging, new StorageHealthProperties(Duration.ofMillis(200)));
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(probes.get()).as("no second probe while the first hangs").isEqualTo(1);
        release.countDown();
        // Once the hung probe has returned, the next check probes again and the store answers.
        for (int attempt = 0; attempt < 100 && health.health().getStatus() != Status.UP; attempt++) {
            Thread.sleep(20);
        }
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aMissingFolderIsDownAndAPresentOneIsUp() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(root.resolve("blobs"));
        BlobStoreHealthIndicator health = new BlobStoreHealthIndicator(store, new StorageHealthProperties(null));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        Files.delete(root.resolve("blobs"));
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails().get("reason").toString()).doesNotContain(root.toString());
    }
}
