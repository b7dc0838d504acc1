package org.caseshare.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.caseshare.support.SevenZip;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive opens in the real 7-Zip, as the recipient of an email would open it. */
class EncryptedArchiveTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final EncryptedArchive archive = new EncryptedArchive(CLOCK);
    private final byte[] summary = "Record summary: share 2026-0042\nOFFICIAL-SENSITIVE\n".getBytes(StandardCharsets.UTF_8);
    private final byte[] scan = new byte[300_000];
    private char[] password;
    private Path zip;

    @BeforeEach
    void writeAnArchiveOfTwoFiles() throws IOException {
        new SecureRandom().nextBytes(scan);
        password = new PasswordGenerator().generate();
        zip = dir.resolve("attachment.zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            archive.write(out, List.of(entry("summary.pdf", summary), entry("scan-1.png", scan)), password);
        }
    }

    @AfterEach
    void wipe() {
        Arrays.fill(password, '\0');
    }

    @Test
    void sevenZipTestsAndExtractsBothFilesByteForByte() throws Exception {
        SevenZip.Result tested = SevenZip.test(zip, new String(password));
        assertThat(tested.exitCode()).as(tested.output()).isZero();
        assertThat(tested.output()).contains("Everything is Ok");

        Path out = dir.resolve("out");
        SevenZip.Result extracted = SevenZip.extract(zip, new String(password), out);
        assertThat(extracted.exitCode()).as(extracted.output()).isZero();
        assertThat(Files.readAllBytes(out.resolve("summary.pdf"))).isEqualTo(summary);
        assertThat(Files.readAllBytes(out.resolve("scan-1.png"))).isEqualTo(scan);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void extractedFilesAreReadOnly() throws Exception {
        Path out = dir.resolve("out");
        assertThat(SevenZip.extract(zip, new String(password), out).exitCode()).isZero();

        for (String name : List.of("summary.pdf", "scan-1.png")) {
            assertThat(Files.getPosixFilePermissions(out.resolve(name)))
                    .as(name).doesNotContain(PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE,
                            PosixFilePermission.OTHERS_WRITE)
                    .contains(PosixFilePermission.OWNER_READ);
        }
    }

    @Test
    void aWrongPasswordFailsInSevenZip() throws Exception {
        SevenZip.Result tested = SevenZip.test(zip, "Wrong-password-entirely-0000");
        assertThat(tested.exitCode()).as(tested.output()).isNotZero();
        assertThat(tested.output()).containsIgnoringCase("wrong password");

        Path out = dir.resolve("wrong");
        assertThat(SevenZip.extract(zip, "Wrong-password-entirely-0000", out).exitCode()).isNotZero();
    }

    @Test
    void sevenZipListsEveryEntryAsAes256EncryptedAndReadOnly() throws Exception {
        SevenZip.Result listed = SevenZip.list(zip, new String(password));
        assertThat(listed.exitCode()).as(listed.output()).isZero();

        Map<String, Map<String, String>> entries = entriesOf(listed.output());
        assertThat(entries).containsOnlyKeys("summary.pdf", "scan-1.png");
        entries.forEach((name, properties) -> {
            assertThat(properties.get("Encrypted")).as(name).isEqualTo("+");
            assertThat(properties.get("Method")).as(name).startsWith("AES-256");
            assertThat(properties.get("Attributes")).as(name).endsWith("-r--r--r--");
        });
    }

    @Test
    void namesInsideAreSanitisedSoNothingLandsOutsideTheFolder() throws Exception {
        Path nasty = dir.resolve("nasty.zip");
        try (OutputStream out = Files.newOutputStream(nasty)) {
            archive.write(out, List.of(entry(SafeFileName.sanitise("../../etc/Zo\u00eb \u202Efdp.exe"), summary)), password);
        }

        Map<String, Map<String, String>> entries = entriesOf(SevenZip.list(nasty, new String(password)).output());
        assertThat(entries).containsOnlyKeys("etc-Zoe-fdp.exe");

        Path out = dir.resolve("nested/out");
        assertThat(SevenZip.extract(nasty, new String(password), out).exitCode()).isZero();
        assertThat(out.resolve("etc-Zoe-fdp.exe")).exists();
        try (Stream<Path> everything = Files.walk(dir)) {
            assertThat(everything.filter(Files::isRegularFile).map(path -> dir.relativize(path).toString()))
                    .containsExactlyInAnyOrder("attachment.zip", "nasty.zip", "nested/out/etc-Zoe-fdp.exe");
        }
    }

    @Test
    void theCallersStreamIsLeftOpen() throws IOException {
        ClosingWatch out = new ClosingWatch();
        archive.write(out, List.of(entry("summary.pdf", summary)), password);
        assertThat(out.closed).isFalse();
        assertThat(out.size()).isPositive();
    }

    @Test
    void refusesWhatWouldMakeAPoorOrConfusingArchive() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> archive.write(out, List.of(), password)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> archive.write(out, List.of(entry("a.pdf", summary), entry("A.PDF", summary)), password))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A.PDF");
        assertThatThrownBy(() -> archive.write(out, List.of(entry("a.pdf", summary)), "short-pw".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12");
        assertThat(out.size()).isZero();
    }

    /** Parses `7z l -slt`: the blocks after the "----------" line, one per entry, keyed by Path. */
    static Map<String, Map<String, String>> entriesOf(String listing) {
        Map<String, Map<String, String>> entries = new LinkedHashMap<>();
        String body = listing.substring(listing.indexOf("----------") + "----------".length());
        for (String block : body.trim().split("\\R\\s*\\R")) {
            Map<String, String> properties = new LinkedHashMap<>();
            for (String line : block.split("\\R")) {
                int equals = line.indexOf(" = ");
                if (equals > 0) {
                    properties.put(line.substring(0, equals).trim(), line.substring(equals + 3).trim());
                }
            }
            if (properties.containsKey("Path")) {
                entries.put(properties.get("Path"), properties);
            }
        }
        return entries;
    }

    private static ArchiveEntry entry(String name, byte[] content) {
        return entry(new SafeFileName(name), content);
    }

    private static ArchiveEntry entry(SafeFileName name, byte[] content) {
        return new ArchiveEntry(name, () -> new ByteArrayInputStream(content));
    }

    private static final class ClosingWatch extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
