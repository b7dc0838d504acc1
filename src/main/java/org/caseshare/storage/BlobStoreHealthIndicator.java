package org.caseshare.storage;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness ("blobStore"): a node that cannot reach the blob store cannot serve the hub's
 * files. The probe writes nothing and runs on a thread of its own with a deadline, so a store that
 * hangs makes the check DOWN after the timeout instead of holding the load balancer's request; while
 * an earlier probe still hangs, no second one is started (a hung endpoint would otherwise collect a
 * thread per health request).
 */
@Component("blobStoreHealthIndicator")
class BlobStoreHealthIndicator implements HealthIndicator {

    private final BlobStore blobs;
    private final StorageHealthProperties properties;
    private final ExecutorService probes = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "blob-store-probe");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Future<?>> running = new AtomicReference<>();

    BlobStoreHealthIndicator(BlobStore blobs, StorageHealthProperties properties) {
        this.blobs = blobs;
        this.properties = properties;
    }

    @Override
    public Health health() {
        Future<?> earlier = running.get();
        if (earlier != null && !earlier.isDone()) {
            return Health.down().withDetail("reason", "An earlier probe of the blob store has not answered yet").build();
        }
        Future<?> probe = probes.submit(blobs::probe);
        running.set(probe);
        try {
            probe.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return Health.up().build();
        } catch (TimeoutException e) {
            return Health.down().withDetail("reason", "The blob store did not answer within " + properties.timeout()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("reason", "Interrupted").build();
        } catch (Exception e) {
            // The exception's class only: a store's message can carry a bucket policy or an address.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Health.down().withDetail("reason", "The blob store cannot be reached (" + cause.getClass().getSimpleName() + ")").build();
        }
    }
}
