package org.caseshare.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Blobs as files under a root folder. A write goes to a hidden temporary file in the target's
 * folder, is forced to disk, then atomically renamed into place (and the folder synced), so a crash
 * leaves at most a temporary file, which {@link #removeIncomplete} deletes later. While a large blob
 * is written its data is already flushed in the background ({@link BackgroundFlush}), so the final
 * force is short.
 */
public class FileSystemBlobStore implements BlobStore {

    static final String TEMP_PREFIX = ".incomplete-";
    /** One write per upload-pipe chunk: fewer, larger writes to the temporary file. */
    private static final int BUFFER = 256 * 1024;

    private final Path root;

    public FileSystemBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the blob folder " + this.root, e);
        }
    }

    private Path path(String key) {
        Path path = root.resolve(BlobStore.checkKey(key)).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Invalid blob key");
        }
        return path;
    }

    @Override
    public long put(String key, InputStream content) {
        Path target = path(key);
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = target.resolveSibling(TEMP_PREFIX + UUID.randomUUID());
            long size = 0;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    BackgroundFlush flush = new BackgroundFlush(() -> channel.force(false))) {
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = content.read(buffer)) >= 0) {
                    ByteBuffer slice = ByteBuffer.wrap(buffer, 0, n);
                    while (slice.hasRemaining()) {
                        channel.write(slice);
                    }
                    size += n;
                    flush.wrote(n);
                }
                flush.finish();
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new StorageException("The blob folder does not support atomic renames", e);
            }
            temp = null;
            syncFolder(target.getParent());
            return size;
        } catch (IOException e) {
            throw new StorageException("Cannot store a blob", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // removeIncomplete deletes it later
                }
            }
        }
    }

    /** Makes the rename itself durable (POSIX; a no-op where folders cannot be opened). */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open a folder as a channel; NTFS journals the rename.
        }
    }

    @Override
    public InputStream get(String key) {
        try {
            return Files.newInputStream(path(key));
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(key);
        } catch (IOException e) {
            throw new StorageException("Cannot read a blob", e);
        }
    }

    @Override
    public void delete(String key) {
        Path path = path(key);
        try {
            Files.deleteIfExists(path);
            for (Path folder = path.getParent(); !folder.equals(root); folder = folder.getParent()) {
                try {
                    Files.deleteIfExists(folder);
                } catch (DirectoryNotEmptyException stillUsed) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new StorageException("Cannot delete a blob", e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    @Override
    public List<String> keysOlderThan(String prefix, Instant cutoff) {
        Path start = prefix.isEmpty() ? root : path(prefix);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(start)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(TEMP_PREFIX)
                        && Files.getLastModifiedTime(p).toInstant().isBefore(cutoff)) {
                    keys.add(root.relativize(p).toString().replace('\\', '/'));
                }
            }
        } catch (IOException e) {
            throw new StorageException("Cannot list blobs", e);
        }
        return keys;
    }

    @Override
    public int removeIncomplete(Instant cutoff) {
        int removed = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().startsWith(TEMP_PREFIX)
                        && Files.getLastModifiedTime(p).toInstant().isBefore(cutoff) && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new StorageException("Cannot clean incomplete blobs", e);
        }
        return removed;
    }
}
