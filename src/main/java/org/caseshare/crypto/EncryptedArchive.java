package org.caseshare.crypto;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import net.lingala.zip4j.io.outputstream.ZipOutputStream;
import net.lingala.zip4j.model.FileHeader;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.AesKeyStrength;
import net.lingala.zip4j.model.enums.AesVersion;
import net.lingala.zip4j.model.enums.CompressionMethod;
import net.lingala.zip4j.model.enums.EncryptionMethod;

/**
 * A password-protected attachment for email, as the guide asks ("save it as 'Read Only' and use
 * encryption"): a ZIP archive whose every entry is AES-256 encrypted (WinZip AE-2) and marked
 * read-only. 7-Zip — which the guide itself suggests — WinZip, PeaZip and The Unarchiver open it; the
 * ZIP support built into Windows Explorer and macOS's Archive Utility may not handle AES, so the
 * recipient needs one of those tools. Entries stream straight from their
 * source to the output, so nothing is held in memory or written to disk in clear.
 *
 * <p>Read-only: zip4j 2.11.6 has no setting for file attributes, but the central-directory header it
 * returns from {@code closeEntry()} is the one it writes on {@code close()}, so the attributes are set
 * there: the DOS read-only bit, which Windows honours, and Unix mode {@code r--r--r--} in the high
 * half, which 7-Zip and Info-ZIP apply on Unix — the usual Info-ZIP layout.
 *
 * <p>Known limits of the ZIP format: names, sizes and times of entries are not encrypted (so names
 * must be innocuous — {@link SafeFileName}), and the caller keeps and wipes the password.
 */
public final class EncryptedArchive {

    /** Shorter passwords fall to offline guessing; the generated ones are about 45 characters. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    /** Regular file, mode 0444, in the high 16 bits; MS-DOS read-only (0x01) in the low byte. */
    static final int READ_ONLY_ATTRIBUTES = (0100444 << 16) | 0x01;

    private final Clock clock;

    public EncryptedArchive(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes the archive to {@code out}, which is flushed but left open. The password is not copied
     * and not wiped: the caller wipes it once the archive is written.
     *
     * @throws IllegalArgumentException if there are no entries, two share a name (ignoring case, as
     *         Windows does), or the password is shorter than {@value #MIN_PASSWORD_LENGTH}
     */
    public void write(OutputStream out, List<ArchiveEntry> entries, char[] password) throws IOException {
        Objects.requireNonNull(out, "out");
        checkEntries(entries);
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("the password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        long modified = clock.millis();
        try (ZipOutputStream zip = new ZipOutputStream(new KeepOpen(out), password, StandardCharsets.UTF_8)) {
            for (ArchiveEntry entry : entries) {
                zip.putNextEntry(parameters(entry.name(), modified));
                try (InputStream content = entry.content().open()) {
                    content.transferTo(zip);
                }
                FileHeader header = zip.closeEntry();
                header.setExternalFileAttributes(littleEndian(READ_ONLY_ATTRIBUTES));
            }
        }
    }

    private static void checkEntries(List<ArchiveEntry> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException("an archive needs at least one entry");
        }
        Set<String> names = new HashSet<>();
        for (ArchiveEntry entry : entries) {
            if (!names.add(entry.name().value().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("two entries are named " + entry.name());
            }
        }
    }

    private static ZipParameters parameters(SafeFileName name, long modified) {
        ZipParameters parameters = new ZipParameters();
        parameters.setFileNameInZip(name.value());
        parameters.setCompressionMethod(CompressionMethod.DEFLATE);
        parameters.setEncryptFiles(true);
        parameters.setEncryptionMethod(EncryptionMethod.AES);
        parameters.setAesKeyStrength(AesKeyStrength.KEY_STRENGTH_256);
        // AE-2 leaves the CRC out, so it cannot leak anything about short contents; the HMAC checks integrity.
        parameters.setAesVersion(AesVersion.TWO);
        parameters.setLastModifiedFileTime(modified);
        return parameters;
    }

    private static byte[] littleEndian(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }

    /** The caller owns the output (a mail part, an HTTP response), so closing the archive must not close it. */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
