package org.caseshare.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a backup file, as written and as found again. */
final class Digests {

    private Digests() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** A file being written, with its hash and size known once closed. */
    static final class HashingFile extends DigestOutputStream {
        private long size;

        HashingFile(Path file) throws IOException {
            super(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024), sha256());
        }

        @Override
        public void write(int b) throws IOException {
            super.write(b);
            size++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            super.write(b, off, len);
            size += len;
        }

        long size() {
            return size;
        }

        String hex() {
            return HexFormat.of().formatHex(getMessageDigest().digest());
        }
    }

    static String hexOf(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
