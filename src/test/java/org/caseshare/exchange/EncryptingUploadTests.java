package org.caseshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.caseshare.storage.FileSystemBlobStore;
import org.caseshare.storage.StorageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload pipe: everything arrives in order, a failed writer never yields a blob, a failed store never leaves the writer waiting. */
class EncryptingUploadTests {

    @TempDir
    Path root;

    @Test
    void storesEveryByteInOrderWhateverTheWriteSizes() throws IOException {
        byte[] data = new byte[3 * EncryptingUpload.ChunkPipe.CHUNK + 12_345];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + i / 251);
        }
        FileSystemBlobStore blobs = new FileSystemBlobStore(root);

        long size = EncryptingUpload.store(blobs, "hub/a/b", out -> {
            int off = 0;
            int step = 1;
            while (off < data.length) {
                int n = Math.min(step, data.length - off);
                if (n == 1) {
                    out.write(data[off]);
                } else {
                    out.write(data, off, n);
                }
                off += n;
                step = step * 7 % 300_007 + 1;
            }
            out.close();
            return data.length;
        });

        assertThat(size).isEqualTo(data.length);
        try (InputStream in = blobs.get("hub/a/b")) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void aWriterThatFailsLeavesNoBlobAndNoTemporaryFile() throws IOException {
        FileSystemBlobStore blobs = new FileSystemBlobStore(root);

        assertThatThrownBy(() -> EncryptingUpload.store(blobs, "hub/a/b", out -> {
            out.write(new byte[5 * EncryptingUpload.ChunkPipe.CHUNK]);
            out.close(); // the writer's own close must not end the pipe
            throw new IOException("client went away");
        })).isInstanceOf(EncryptingUpload.UploadInterruptedException.class);

        assertThat(blobs.exists("hub/a/b")).isFalse();
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aStoreThatFailsStopsTheWriterInsteadOfLeavingItWaiting() {
        FileSystemBlobStore failing = new FileSystemBlobStore(root) {
            @Override
            public long put(String key, InputStream content) {
                try {
                    content.readNBytes(1000);
                } catch (IOException e) {
                    throw new StorageException("unexpected", e);
                }
                throw new StorageException("disk full", new IOException("disk full"));
            }
        };

        assertThatThrownBy(() -> EncryptingUpload.store(failing, "hub/a/b", out -> {
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < 16 * 1024; i++) { // 1 GiB: far more than the pipe holds
                out.write(chunk);
            }
            return 0;
        })).isInstanceOf(StorageException.class).hasMessage("disk full");
    }

    @Test
    void theReaderOfAnAbortedPipeFailsRatherThanSeeingTheEnd() throws IOException {
        EncryptingUpload.ChunkPipe pipe = new EncryptingUpload.ChunkPipe();
        EncryptingUpload.ChunkPipe.Sink sink = pipe.sink();
        sink.write(new byte[] {1, 2, 3});
        sink.flush();
        pipe.abort();

        assertThatThrownBy(() -> pipe.read(new byte[10], 0, 10)).isInstanceOf(IOException.class).hasMessage("Upload aborted");
    }
}
