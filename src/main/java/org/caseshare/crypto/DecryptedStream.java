package org.caseshare.crypto;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * Tink's decrypting stream, telling damage from an outage: Tink reports both as a plain {@link
 * IOException}, so the stored bytes are read through a {@link Source} that remembers whether the
 * storage itself failed. Any other failure is the bytes failing authentication.
 */
final class DecryptedStream extends InputStream {

    private final PushbackInputStream plain;
    private final Source source;

    private DecryptedStream(InputStream plain, Source source) {
        this.plain = new PushbackInputStream(plain, 1);
        this.source = source;
    }

    /**
     * Wraps {@code plain} and reads its first byte now: Tink authenticates a whole segment before it
     * releases any of it, so the first segment is checked before the caller commits to anything.
     */
    static DecryptedStream opened(InputStream plain, Source source) throws IOException {
        DecryptedStream stream = new DecryptedStream(plain, source);
        try {
            int first = stream.read();
            if (first >= 0) {
                stream.plain.unread(first);
            }
            return stream;
        } catch (IOException e) {
            stream.close();
            throw e;
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return plain.read();
        } catch (IOException e) {
            throw classified(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return plain.read(b, off, len);
        } catch (IOException e) {
            throw classified(e);
        }
    }

    @Override
    public int available() throws IOException {
        return plain.available();
    }

    @Override
    public void close() throws IOException {
        plain.close();
    }

    private IOException classified(IOException e) {
        if (source.failure != null || e instanceof ContentAuthenticationException) {
            return e;
        }
        return new ContentAuthenticationException("A stored file failed authentication", e);
    }

    /** The stored bytes, remembering whether reading them failed. */
    static final class Source extends FilterInputStream {

        private IOException failure;

        Source(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }
}
