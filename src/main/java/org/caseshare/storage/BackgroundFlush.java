package org.caseshare.storage;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts a blob's data on its way to the disk while the rest is still being written, so that the
 * {@code fsync} before the rename has little left to do.
 *
 * <p>Linux starts writing dirty pages back only when they reach a tenth of memory or are 30 s old,
 * so a 1 GiB upload otherwise reaches its final {@code force} with the whole GiB still in memory and
 * the uploader waits while all of it is written (about 0.7 s on the reference machine, a fifth of
 * the upload). Here, every {@link #EVERY} bytes a helper thread calls {@code force(false)}
 * (fdatasync) on the same channel while the writer carries on: {@code FileChannel.force} takes no
 * lock that {@code write} needs. At most one flush is in flight per blob; if the disk is slower than
 * the writer, flushes are skipped rather than queued. Durability still rests on the writer's own
 * {@code force(true)} after the last byte; a failed early flush fails the blob all the same.
 */
final class BackgroundFlush implements AutoCloseable {

    /** Flush after this many new bytes: large enough that the flushes are few, small enough to overlap. */
    static final long EVERY = 32L * 1024 * 1024;

    private static final ExecutorService FLUSHERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "blob-flush");
        thread.setDaemon(true);
        return thread;
    });

    /** Writes what is written so far to the disk: {@code channel.force(false)}. */
    interface Flusher {
        void flush() throws IOException;
    }

    private final Flusher flusher;
    private final long every;
    private long sinceLast;
    private Future<?> inFlight;

    BackgroundFlush(Flusher flusher) {
        this(flusher, EVERY);
    }

    BackgroundFlush(Flusher flusher, long every) {
        this.flusher = flusher;
        this.every = every;
    }

    /** The writer wrote {@code bytes} more; starts a flush if enough has gathered and none is running. */
    void wrote(long bytes) throws IOException {
        sinceLast += bytes;
        if (sinceLast < every) {
            return;
        }
        if (inFlight != null) {
            if (!inFlight.isDone()) {
                return;
            }
            waitForFlush();
        }
        sinceLast = 0;
        inFlight = FLUSHERS.submit(() -> {
            flusher.flush();
            return null;
        });
    }

    /** Waits for the flush in flight, if any, and throws its failure. */
    void finish() throws IOException {
        waitForFlush();
    }

    private void waitForFlush() throws IOException {
        Future<?> flush = inFlight;
        inFlight = null;
        if (flush == null) {
            return;
        }
        try {
            flush.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Interrupted while flushing a blob");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("Cannot flush a blob", e.getCause());
        }
    }

    /**
     * Never leaves a flush running on a channel about to be closed (after a failure the writer closes
     * the channel and deletes the file; a flush still running would only fail, but quietly waiting is tidier).
     */
    @Override
    public void close() {
        try {
            waitForFlush();
        } catch (IOException ignored) {
            // the writer is already failing, or finish() reported this
        }
    }
}
