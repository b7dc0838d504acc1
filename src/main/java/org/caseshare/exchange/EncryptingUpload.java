package org.caseshare.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.caseshare.storage.BlobStore;

/**
 * Connects an encrypting writer (on the request thread, which reads the upload) to the blob store's
 * reader (on a helper thread) through a 64 KiB pipe, so no file is ever held whole in memory. If the
 * writer fails (client gone, too large, cipher error) the reader fails too instead of seeing an end
 * of stream, so the store never makes a partial blob visible.
 */
final class EncryptingUpload {

    interface Writer {
        /** Writes everything and returns the plaintext size. */
        long write(OutputStream out) throws IOException;
    }

    private static final ExecutorService READERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "hub-blob-writer");
        thread.setDaemon(true);
        return thread;
    });

    private EncryptingUpload() {
    }

    /** Returns the plaintext size the writer reported. */
    static long store(BlobStore blobs, String key, Writer writer) {
        AbortablePipe pipe = new AbortablePipe();
        PipedOutputStream out;
        try {
            out = new PipedOutputStream(pipe);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        CompletableFuture<Long> stored = CompletableFuture.supplyAsync(() -> {
            try {
                return blobs.put(key, pipe);
            } catch (RuntimeException e) {
                // wakes a writer blocked on a full pipe ("Pipe closed") instead of leaving it waiting
                try {
                    pipe.close();
                } catch (IOException ignored) {
                    // nothing more to do
                }
                throw e;
            }
        }, READERS);
        long size;
        try {
            // The writer's own close (say, try-with-resources unwinding after an error) must not end the
            // pipe: only a writer that returned normally does, here.
            size = writer.write(new java.io.FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            });
            out.close();
        } catch (IOException | RuntimeException | Error e) {
            pipe.abort();
            closeQuietly(out);
            RuntimeException storeFailure = waitQuietly(stored);
            if (storeFailure != null && e instanceof IOException) {
                throw storeFailure;
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof Error err) {
                throw err;
            }
            throw new UploadInterruptedException(e);
        }
        try {
            stored.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UploadInterruptedException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new UploadInterruptedException(e.getCause());
        }
        return size;
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // the reader is failing anyway
        }
    }

    /** Waits for the reader to give up; returns the store's own failure if it failed first. */
    private static RuntimeException waitQuietly(CompletableFuture<Long> stored) {
        try {
            stored.get();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            boolean ours = cause instanceof org.caseshare.storage.StorageException && cause.getCause() instanceof IOException io
                    && "Upload aborted".equals(io.getMessage());
            return !ours && cause instanceof RuntimeException r ? r : null;
        }
    }

    /** A pipe whose reader throws, rather than seeing the end, once the writer has aborted. */
    static final class AbortablePipe extends PipedInputStream {
        private volatile boolean aborted;

        AbortablePipe() {
            super(64 * 1024);
        }

        void abort() {
            aborted = true;
        }

        @Override
        public synchronized int read() throws IOException {
            int b = super.read();
            check();
            return b;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            check();
            return n;
        }

        private void check() throws IOException {
            if (aborted) {
                throw new IOException("Upload aborted");
            }
        }
    }

    /** The upload stopped before its end (the client went away); nothing was kept. */
    static final class UploadInterruptedException extends RuntimeException {
        UploadInterruptedException(Throwable cause) {
            super("The upload was interrupted", cause);
        }
    }
}
