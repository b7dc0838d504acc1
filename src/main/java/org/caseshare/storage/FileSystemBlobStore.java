package org.caseshare.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
    public void probe() {
        if (!Files.isDirectory(root) || !Files.isReadable(root) || !Files.isWritable(root)) {
            throw new StorageException("The blob folder is missing or not readable and writable", null);
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
        walk(start, (file, modified) -> {
            if (!file.getFileName().toString().startsWith(TEMP_PREFIX) && modified.isBefore(cutoff)) {
                keys.add(root.relativize(file).toString().replace('\\', '/'));
            }
        });
        return keys;
    }

    @Override
    public int removeIncomplete(Instant cutoff) {
        int[] removed = {0};
        walk(root, (file, modified) -> {
            if (file.getFileName().toString().startsWith(TEMP_PREFIX) && modified.isBefore(cutoff) && Files.deleteIfExists(file)) {
                removed[0]++;
            }
        });
        return removed[0];
    }

    private interface FileVisit {
        void visit(Path file, Instant modified) throws IOException;
    }

    /**
     * Visits every regular file under {@code start}. Other threads and nodes write and delete blobs
     * meanwhile (a temporary file is renamed into place, a blob is shredded), so a file or folder that
     * vanishes between being listed and being looked at is skipped, not an error.
     */
    private static void walk(Path start, FileVisit visit) {
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (attributes.isRegularFile()) {
                        visit.visit(file, attributes.lastModifiedTime().toInstant());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) {
                        throw e;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new StorageException("Cannot list blobs", e);
        }
    }
}
