package org.caseshare.metrics;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.caseshare.storage.BlobStore;

/** Times every blob store call, by operation and outcome (a get is timed until its stream opens). */
final class TimedBlobStore implements BlobStore {

    private final BlobStore store;
    private final MeterRegistry registry;

    TimedBlobStore(BlobStore store, MeterRegistry registry) {
        this.store = store;
        this.registry = registry;
        for (String operation : List.of("put", "get", "delete", "exists", "list", "clean-up", "probe")) {
            for (String outcome : List.of("success", "failure")) {
                timer(operation, outcome);
            }
        }
    }

    @Override
    public long put(String key, InputStream content) {
        return timed("put", () -> store.put(key, content));
    }

    @Override
    public InputStream get(String key) {
        return timed("get", () -> store.get(key));
    }

    @Override
    public void delete(String key) {
        timed("delete", () -> {
            store.delete(key);
            return null;
        });
    }

    @Override
    public boolean exists(String key) {
        return timed("exists", () -> store.exists(key));
    }

    @Override
    public List<String> keysOlderThan(String prefix, Instant cutoff) {
        return timed("list", () -> store.keysOlderThan(prefix, cutoff));
    }

    @Override
    public int removeIncomplete(Instant cutoff) {
        return timed("clean-up", () -> store.removeIncomplete(cutoff));
    }

    @Override
    public void probe() {
        timed("probe", () -> {
            store.probe();
            return null;
        });
    }

    private <T> T timed(String operation, Supplier<T> call) {
        long start = System.nanoTime();
        String outcome = "failure";
        try {
            T result = call.get();
            outcome = "success";
            return result;
        } finally {
            timer(operation, outcome).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private Timer timer(String operation, String outcome) {
        return Timer.builder("caseshare.blobstore").description("Blob store calls").tag("operation", operation).tag("outcome", outcome)
                .register(registry);
    }
}
