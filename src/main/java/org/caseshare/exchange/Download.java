package org.caseshare.exchange;

import java.io.InputStream;

import org.caseshare.crypto.ContentAuthenticationException;
import org.caseshare.crypto.PasswordKey;

/** A counted download, ready to stream. Close it to wipe the password key. */
public final class Download implements AutoCloseable {
    private final String name;
    private final long size;
    private final InputStream content;
    private final Runnable damaged;
    private final Runnable complete;
    private final PasswordKey passwordKey;

    Download(String name, long size, InputStream content, Runnable damaged, Runnable complete, PasswordKey passwordKey) {
        this.size = size;
        this.name = name;
        this.content = content;
        this.damaged = damaged;
        this.complete = complete;
        this.passwordKey = passwordKey;
    }

    public String name() {
        return SafeFileNames.neutralise(name);
    }

    /** The plaintext size, sent as Content-Length so a cut-off download is visibly short. */
    public long size() {
        return size;
    }

    /** The plaintext, its first segment already authenticated; a later damaged segment raises {@link ContentAuthenticationException}. */
    public InputStream open() {
        return content;
    }

    /** Records that a later segment failed authentication: the download is taken back and the file marked damaged. */
    void damaged() {
        damaged.run();
    }

    /** Records that every byte was read and authenticated: a package's first such download confirms its receipt. */
    void complete() {
        complete.run();
    }

    @Override
    public void close() {
        closeQuietly(content);
        closeQuietly(passwordKey);
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // nothing left to release
        }
    }
}
