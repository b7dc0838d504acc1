package org.caseshare.storage;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Large opaque objects by key. Keys are lower-case paths such as {@code hub/<uuid>/<uuid>}.
 * {@link #put} is atomic: readers see the whole blob or nothing, also when the writer dies.
 */
public interface BlobStore {

    Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*");

    /** Stores everything {@code content} yields under {@code key}, replacing any blob there; returns the size. */
    long put(String key, InputStream content);

    /** @throws BlobNotFoundException when absent */
    InputStream get(String key);

    /** Deletes the blob if present. */
    void delete(String key);

    boolean exists(String key);

    /** Keys under {@code prefix} of blobs last written before {@code cutoff} (for orphan clean-up). */
    List<String> keysOlderThan(String prefix, Instant cutoff);

    /** Removes traces of writes that never finished and started before {@code cutoff}; returns how many. */
    int removeIncomplete(Instant cutoff);

    /**
     * Reads, writes nothing: throws when the store cannot be reached (the folder is gone or unreadable,
     * the bucket missing or refused). For readiness checks, which call it with a deadline of their own.
     */
    default void probe() {
        exists("health/probe");
    }

    static String checkKey(String key) {
        if (key == null || key.length() > 512 || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Invalid blob key");
        }
        return key;
    }
}
