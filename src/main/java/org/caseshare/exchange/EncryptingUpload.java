package org.caseshare.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.caseshare.storage.BlobStore;

/**
 * Connects an encrypting writer (on the request thread, which reads the upload) to the blob store's
 * reader (on a helper thread) through a bounded {@link ChunkPipe}, so no file is ever held whole in
 * memory. If the writer fails (client gone, too large, cipher error) the reader fails too instead of
 * seeing an end of stream, so the store never makes a partial blob visible.
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
        ChunkPipe pipe = new ChunkPipe();
        ChunkPipe.Sink out = pipe.sink();
        CompletableFuture<Long> stored = CompletableFuture.supplyAsync(() -> {
            try {
                return blobs.put(key, pipe);
            } catch (RuntimeException e) {
                // wakes a writer blocked on a full pipe ("Pipe closed") instead of leaving it waiting
                pipe.close();
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
            pipe.abort();
            throw new UploadInterruptedException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new UploadInterruptedException(e.getCause());
        }
        return size;
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

    /**
     * A bounded hand-off of {@link #CHUNK}-sized buffers from one writer thread to one reader thread,
     * at most {@link #QUEUED} waiting (so about 1.5 MiB per upload, whatever the file size). Unlike
     * {@code java.io.PipedInputStream} (a 64 KiB ring locked on every call, the reader woken only when
     * the ring is full, so encrypting and writing to disk took turns) the writer fills one buffer while
     * the reader writes the previous one. Once the writer has aborted the reader throws rather than
     * seeing the end, so the store never completes a partial blob; once the reader has closed, the
     * writer throws ("Pipe closed") instead of waiting for space that never comes.
     */
    static final class ChunkPipe extends InputStream {
        static final int CHUNK = 256 * 1024;
        static final int QUEUED = 4;
        private static final byte[] END = new byte[0];
        private static final long WAIT_MILLIS = 100;

        private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUED);
        private volatile boolean aborted;
        private volatile boolean closed;
        // reader side, touched only by the reader thread
        private byte[] current;
        private int position;
        private boolean ended;

        Sink sink() {
            return new Sink();
        }

        /** The writer failed: the reader throws from now on. */
        void abort() {
            aborted = true;
        }

        /** The reader gave up (or finished): a writer waiting for space fails. */
        @Override
        public void close() {
            closed = true;
            queue.clear();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            check();
            if (len == 0) {
                return 0;
            }
            while (!ended && (current == null || position == current.length)) {
                current = take();
                position = 0;
                ended = current == END;
            }
            if (ended) {
                return -1;
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            return n;
        }

        private byte[] take() throws IOException {
            try {
                byte[] chunk;
                while ((chunk = queue.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS)) == null) {
                    check();
                }
                check();
                return chunk;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Upload interrupted");
            }
        }

        private void check() throws IOException {
            if (aborted) {
                throw new IOException("Upload aborted");
            }
            if (closed) {
                throw new IOException("Pipe closed");
            }
        }

        /** The writer's end; not thread-safe (one writer). */
        final class Sink extends OutputStream {
            private byte[] buffer = new byte[CHUNK];
            private int count;
            private boolean done;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                Objects.checkFromIndexSize(off, len, b.length);
                if (done) {
                    throw new IOException("Pipe closed");
                }
                while (len > 0) {
                    int n = Math.min(len, CHUNK - count);
                    System.arraycopy(b, off, buffer, count, n);
                    count += n;
                    off += n;
                    len -= n;
                    if (count == CHUNK) {
                        hand(buffer);
                        buffer = new byte[CHUNK];
                        count = 0;
                    }
                }
            }

            /** Hands over what is buffered (the reader sees it; nothing is made durable). */
            @Override
            public void flush() throws IOException {
                if (count > 0 && !done) {
                    hand(Arrays.copyOf(buffer, count));
                    count = 0;
                }
            }

            /** The writer finished normally: the reader sees the end after the last bytes. */
            @Override
            public void close() throws IOException {
                if (done) {
                    return;
                }
                flush();
                hand(END);
                done = true;
            }

            private void hand(byte[] chunk) throws IOException {
                try {
                    while (!queue.offer(chunk, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                        if (closed) {
                            throw new IOException("Pipe closed");
                        }
                    }
                    if (closed) {
                        throw new IOException("Pipe closed");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Upload interrupted");
                }
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
