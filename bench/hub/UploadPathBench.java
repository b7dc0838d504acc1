// In-process upload path (no HTTP): 1 GiB from memory in 16 KiB reads -> LimitedCopy -> encrypt ->
// EncryptingUpload -> FileSystemBlobStore (fsync); key wrapping is a copy (benchmark only, no master key). Usage, from an unpacked target/caseshare.jar (BOOT-INF):
//   javac -d out -cp "BOOT-INF/classes:BOOT-INF/lib/*" bench/hub/UploadPathBench.java
//   java -Xmx256m -cp "out:BOOT-INF/classes:BOOT-INF/lib/*" org.caseshare.exchange.UploadPathBench 3
package org.caseshare.exchange;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.caseshare.crypto.FileContext;
import org.caseshare.crypto.FileEncryption;
import org.caseshare.crypto.KeyWrapping;
import org.caseshare.crypto.WrappedKey;
import org.caseshare.storage.FileSystemBlobStore;

/** In-process upload path: 1 GiB from memory -> LimitedCopy -> encrypt -> EncryptingUpload -> FileSystemBlobStore (fsync). */
public class UploadPathBench {
    public static void main(String[] args) throws Exception {
        long total = 1L << 30;
        Path dir = Files.createTempDirectory("pb");
        FileSystemBlobStore blobs = new FileSystemBlobStore(dir);
        FileEncryption encryption = new FileEncryption(new KeyWrapping() {
            public byte[] wrap(byte[] key, byte[] ad) { return key.clone(); }
            public byte[] unwrap(byte[] w, byte[] ad) { return w.clone(); }
        });
        byte[] block = new byte[1 << 20];
        for (int i = 0; i < block.length; i++) block[i] = (byte) (i * 131 + i / 7);
        for (int run = 0; run < Integer.parseInt(args[0]); run++) {
            FileContext context = new FileContext(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            WrappedKey key = encryption.newKey(context);
            InputStream source = new InputStream() {
                long left = total; int pos;
                public int read() { throw new UnsupportedOperationException(); }
                public int read(byte[] b, int off, int len) {
                    if (left == 0) return -1;
                    int n = (int) Math.min(Math.min(len, 16 * 1024), Math.min(left, block.length - pos)); // Tomcat-sized reads
                    System.arraycopy(block, pos, b, off, n); pos = (pos + n) % block.length; left -= n; return n;
                }
            };
            long start = System.nanoTime();
            String blobKey = "hub/" + run;
            EncryptingUpload.store(blobs, blobKey, out -> {
                try (OutputStream enc = encryption.encryptingStream(out, key, context)) {
                    return LimitedCopy.copy(source, enc, Long.MAX_VALUE);
                }
            });
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf("run %d: %.0f MB/s (%.2f s)%n", run, total / 1e6 / s, s);
            blobs.delete(blobKey);
        }
    }
}
