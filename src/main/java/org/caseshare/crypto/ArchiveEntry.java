package org.caseshare.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * One file to put in an {@link EncryptedArchive}. The content is opened only when the archive is
 * written, so a large file streams through without being held in memory.
 */
public record ArchiveEntry(SafeFileName name, Content content) {

    public ArchiveEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }

    /** Opens the entry's bytes; the archive closes the stream. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }
}
