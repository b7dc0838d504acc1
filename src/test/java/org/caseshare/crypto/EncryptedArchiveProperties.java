package org.caseshare.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.lingala.zip4j.io.inputstream.ZipInputStream;
import net.lingala.zip4j.model.LocalFileHeader;
import net.lingala.zip4j.model.enums.AesKeyStrength;
import net.lingala.zip4j.model.enums.EncryptionMethod;

/** Whatever goes in comes back out, encrypted with AES-256 on the way. */
class EncryptedArchiveProperties {

    private final EncryptedArchive archive = new EncryptedArchive(Clock.systemUTC());

    @Property(tries = 60)
    void randomContentsRoundTripThroughZip4j(@ForAll("contents") List<byte[]> contents) throws IOException {
        char[] password = new PasswordGenerator().generate();
        List<ArchiveEntry> entries = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            byte[] content = contents.get(i);
            entries.add(new ArchiveEntry(new SafeFileName("part-" + i + ".bin"), () -> new ByteArrayInputStream(content)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        archive.write(out, entries, password);

        List<byte[]> readBack = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()), password)) {
            for (LocalFileHeader header = in.getNextEntry(); header != null; header = in.getNextEntry()) {
                assertThat(header.getFileName()).isEqualTo("part-" + readBack.size() + ".bin");
                assertThat(header.getEncryptionMethod()).isEqualTo(EncryptionMethod.AES);
                assertThat(header.getAesExtraDataRecord().getAesKeyStrength()).isEqualTo(AesKeyStrength.KEY_STRENGTH_256);
                readBack.add(in.readAllBytes());
            }
        }
        Arrays.fill(password, '\0');

        assertThat(readBack).hasSameSizeAs(contents);
        for (int i = 0; i < contents.size(); i++) {
            assertThat(readBack.get(i)).isEqualTo(contents.get(i));
        }
    }

    @Provide
    Arbitrary<List<byte[]>> contents() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(40_000);
        Arbitrary<byte[]> repetitive = Arbitraries.integers().between(0, 200_000).map(byte[]::new);
        return Arbitraries.oneOf(random, repetitive).list().ofMinSize(1).ofMaxSize(4);
    }
}
