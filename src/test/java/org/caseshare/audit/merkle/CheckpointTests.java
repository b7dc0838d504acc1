package org.caseshare.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

import org.caseshare.crypto.AuditSigningKey;
import org.caseshare.crypto.AuditVerifyingKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointTests {

    static final String ORIGIN = "caseshare.example/audit";

    static final Instant NEW_YEAR_2026 = Instant.parse("2026-01-01T00:00:00Z");

    static final String CT_8_ROOT = "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=";

    static AuditSigningKey logKey;

    static AuditSigningKey otherKey;

    @BeforeAll
    static void generateKeys() throws GeneralSecurityException {
        logKey = AuditSigningKey.generate(ORIGIN);
        otherKey = AuditSigningKey.generate("witness.example");
    }

    static CheckpointSigner signer(AuditSigningKey key) {
        return CheckpointSigner.of(key.keyName(), key.keyId(), key::sign);
    }

    static CheckpointVerifier verifier(AuditVerifyingKey key) {
        return CheckpointVerifier.of(key.keyName(), key.keyId(), key::verify);
    }

    /** The verifier a relying party builds from the published verifier key string alone. */
    static CheckpointVerifier publishedVerifier() throws GeneralSecurityException {
        return verifier(AuditVerifyingKey.parse(logKey.verifyingKey().verifierKey()));
    }

    static Checkpoint referenceCheckpoint() {
        MerkleTreeBuilder tree = new MerkleTreeBuilder();
        MerkleHashTests.CT_ENTRIES.forEach(tree::appendEntry);
        return new Checkpoint(ORIGIN, tree.size(), tree.root(), NEW_YEAR_2026);
    }

    @Test
    void noteTextIsTheDocumentedFourLines() {
        assertThat(referenceCheckpoint().noteText())
            .isEqualTo(ORIGIN + "\n8\n" + CT_8_ROOT + "\ntime 1767225600\n");
    }

    @Test
    void signedTextIsTheNoteABlankLineAndOneSignatureLinePerSigner() {
        String signed = referenceCheckpoint().sign(signer(logKey), signer(otherKey));
        String[] lines = signed.split("\n", -1);
        assertThat(lines).hasSize(8);
        assertThat(lines[4]).isEmpty();
        assertThat(lines[5]).startsWith("\u2014 " + ORIGIN + " ");
        assertThat(lines[6]).startsWith("\u2014 witness.example ");
        assertThat(lines[7]).isEmpty();
        byte[] blob = Base64.getDecoder().decode(lines[5].substring(lines[5].lastIndexOf(' ') + 1));
        assertThat(blob).hasSize(4 + 64);
        assertThat(String.format("%02x%02x%02x%02x", blob[0], blob[1], blob[2], blob[3]))
            .isEqualTo(String.format("%08x", logKey.keyId()));
    }

    @Test
    void roundTripsTextToObjectToText() throws GeneralSecurityException {
        Checkpoint checkpoint = referenceCheckpoint();
        String signed = checkpoint.sign(signer(logKey));
        Checkpoint opened = Checkpoint.open(signed, publishedVerifier());
        assertThat(opened).isEqualTo(checkpoint);
        assertThat(opened.origin()).isEqualTo(ORIGIN);
        assertThat(opened.size()).isEqualTo(8);
        assertThat(MerkleHash.hex(opened.rootHash())).isEqualTo(MerkleHashTests.CT_ROOTS.get(7));
        assertThat(opened.timestamp()).isEqualTo(NEW_YEAR_2026);
        assertThat(opened.sign(signer(logKey))).as("Ed25519 is deterministic").isEqualTo(signed);
        assertThat(SignedNote.parse(signed).encode()).isEqualTo(signed);
        assertThat(Checkpoint.fromNoteText(checkpoint.noteText())).isEqualTo(checkpoint);
    }

    @Test
    void theEmptyLogHasACheckpointToo() throws GeneralSecurityException {
        Checkpoint empty = new Checkpoint(ORIGIN, 0, MerkleHash.emptyRoot(), Instant.EPOCH);
        assertThat(empty.noteText()).isEqualTo(ORIGIN + "\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\ntime 0\n");
        assertThat(Checkpoint.open(empty.sign(signer(logKey)), publishedVerifier())).isEqualTo(empty);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "size", "root", "origin", "time", "signature", "key id" })
    void tamperedTextIsRefused(String part) throws GeneralSecurityException {
        String signed = referenceCheckpoint().sign(signer(logKey));
        String tampered = switch (part) {
            case "size" -> signed.replace("\n8\n", "\n9\n");
            case "root" -> signed.replace(CT_8_ROOT, "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyk=");
            case "origin" -> signed.replaceFirst("caseshare.example/audit\n", "caseshare.example/audlt\n");
            case "time" -> signed.replace("time 1767225600", "time 1767225601");
            case "signature" -> flipSignatureByte(signed, 4 + 63);
            case "key id" -> flipSignatureByte(signed, 0);
            default -> throw new IllegalArgumentException(part);
        };
        assertThat(tampered).isNotEqualTo(signed);
        assertThatThrownBy(() -> Checkpoint.open(tampered, publishedVerifier()))
            .isInstanceOfAny(CheckpointVerificationException.class, MalformedCheckpointException.class);
    }

    @Test
    void aChangedFieldBreaksTheSignatureNotTheSyntax() {
        String signed = referenceCheckpoint().sign(signer(logKey));
        assertThatThrownBy(() -> Checkpoint.open(signed.replace("\n8\n", "\n9\n"), publishedVerifier()))
            .isInstanceOf(CheckpointVerificationException.class)
            .hasMessageContaining("does not verify");
        assertThatThrownBy(() -> Checkpoint.open(flipSignatureByte(signed, 4 + 63), publishedVerifier()))
            .isInstanceOf(CheckpointVerificationException.class)
            .hasMessageContaining("does not verify");
        assertThatThrownBy(() -> Checkpoint.open(flipSignatureByte(signed, 0), publishedVerifier()))
            .isInstanceOf(CheckpointVerificationException.class)
            .hasMessageContaining("not signed by the trusted key");
    }

    @Test
    void missingBlankLineIsRefused() {
        String signed = referenceCheckpoint().sign(signer(logKey));
        assertThatThrownBy(() -> Checkpoint.open(signed.replace("\n\n", "\n"), publishedVerifier()))
            .isInstanceOf(MalformedCheckpointException.class)
            .hasMessageContaining("no blank line");
    }

    @Test
    void onlyTheExportedPublicKeyOfTheSignerVerifies() throws GeneralSecurityException {
        String signed = referenceCheckpoint().sign(signer(logKey));
        assertThat(Checkpoint.open(signed, publishedVerifier()).size()).isEqualTo(8);
        assertThat(Checkpoint.open(signed,
                verifier(AuditVerifyingKey.fromPublicKeysetJson(ORIGIN, logKey.verifyingKey().toPublicKeysetJson())))
            .size()).isEqualTo(8);

        AuditSigningKey impostor = AuditSigningKey.generate(ORIGIN);
        assertThatThrownBy(() -> Checkpoint.open(signed, verifier(impostor.verifyingKey())))
            .isInstanceOf(CheckpointVerificationException.class)
            .hasMessageContaining("not signed by the trusted key");
        CheckpointVerifier impostorClaimingOurKeyId = CheckpointVerifier.of(ORIGIN, logKey.keyId(),
                impostor.verifyingKey()::verify);
        assertThatThrownBy(() -> Checkpoint.open(signed, impostorClaimingOurKeyId))
            .isInstanceOf(CheckpointVerificationException.class)
            .hasMessageContaining("does not verify");
        String forged = referenceCheckpoint().sign(CheckpointSigner.of(ORIGIN, logKey.keyId(), impostor::sign));
        assertThatThrownBy(() -> Checkpoint.open(forged, publishedVerifier()))
            .isInstanceOf(CheckpointVerificationException.class);
    }

    @Test
    void otherSignaturesAreIgnoredButOursMustBeThere() throws GeneralSecurityException {
        String cosigned = referenceCheckpoint().sign(signer(otherKey), signer(logKey));
        assertThat(Checkpoint.open(cosigned, publishedVerifier())).isEqualTo(referenceCheckpoint());
        String witnessOnly = referenceCheckpoint().sign(signer(otherKey));
        assertThatThrownBy(() -> Checkpoint.open(witnessOnly, publishedVerifier()))
            .isInstanceOf(CheckpointVerificationException.class);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "", "caseshare.example/audit\n8\nROOT\ntime 1767225600", // no final newline
            "caseshare.example/audit\n8\nROOT\n", // no time
            "caseshare.example/audit\n8\nROOT\ntime 1767225600\nextra line\n",
            "caseshare.example/audit\n8\nROOT\ntime 1767225600\n\n", "\n8\nROOT\ntime 1767225600\n",
            "caseshare example\n8\nROOT\ntime 1767225600\n", "caseshare.example/audit\n08\nROOT\ntime 1767225600\n",
            "caseshare.example/audit\n+8\nROOT\ntime 1767225600\n", "caseshare.example/audit\n-8\nROOT\ntime 1767225600\n",
            "caseshare.example/audit\n 8\nROOT\ntime 1767225600\n", "caseshare.example/audit\n8 \nROOT\ntime 1767225600\n",
            "caseshare.example/audit\n9223372036854775808\nROOT\ntime 1767225600\n",
            "caseshare.example/audit\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg\ntime 1767225600\n",
            "caseshare.example/audit\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyh=\ntime 1767225600\n",
            "caseshare.example/audit\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQw==\ntime 1767225600\n",
            "caseshare.example/audit\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz-Nw7_RgQyg=\ntime 1767225600\n",
            "caseshare.example/audit\n8\nROOT\ntime 01767225600\n", "caseshare.example/audit\n8\nROOT\ntime -1\n",
            "caseshare.example/audit\n8\nROOT\nTime 1767225600\n", "caseshare.example/audit\n8\nROOT\ntime  1767225600\n",
            "caseshare.example/audit\n8\nROOT\ntime 2026-01-01T00:00:00Z\n",
            "caseshare.example/audit\n8\nROOT\ntime 99999999999999999\n",
            "caseshare.example/audit\r\n8\r\nROOT\r\ntime 1767225600\r\n" })
    void malformedNoteTextIsRefused(String text) {
        String withRoot = text.replace("ROOT", CT_8_ROOT);
        assertThatThrownBy(() -> Checkpoint.fromNoteText(withRoot)).isInstanceOf(MalformedCheckpointException.class);
    }

    @Test
    void valueObjectRefusesWhatItCouldNotWriteBack() {
        byte[] root = MerkleHash.emptyRoot();
        assertThatThrownBy(() -> new Checkpoint(ORIGIN, -1, root, NEW_YEAR_2026))
            .isInstanceOf(MalformedCheckpointException.class);
        assertThatThrownBy(() -> new Checkpoint(ORIGIN, 0, new byte[31], NEW_YEAR_2026))
            .isInstanceOf(MalformedCheckpointException.class);
        assertThatThrownBy(() -> new Checkpoint(ORIGIN, 0, root, NEW_YEAR_2026.plusMillis(1)))
            .isInstanceOf(MalformedCheckpointException.class)
            .hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> new Checkpoint(ORIGIN, 0, root, Instant.EPOCH.minusSeconds(1)))
            .isInstanceOf(MalformedCheckpointException.class);
        assertThatThrownBy(() -> new Checkpoint("with\nnewline", 0, root, NEW_YEAR_2026))
            .isInstanceOf(MalformedCheckpointException.class);
        Checkpoint checkpoint = new Checkpoint(ORIGIN, 0, root, NEW_YEAR_2026);
        checkpoint.rootHash()[0] ^= 1;
        root[1] ^= 1;
        assertThat(checkpoint.rootHash()).isEqualTo(MerkleHash.emptyRoot());
    }

    /** Flips one bit of byte {@code at} of the first signature line's key id and signature. */
    private static String flipSignatureByte(String signed, int at) {
        int start = signed.indexOf("\n\n\u2014 ") + 3;
        int blobStart = signed.indexOf(' ', signed.indexOf(' ', start) + 1) + 1;
        int blobEnd = signed.indexOf('\n', blobStart);
        byte[] blob = Base64.getDecoder().decode(signed.substring(blobStart, blobEnd));
        blob[at] ^= 1;
        return signed.substring(0, blobStart) + Base64.getEncoder().encodeToString(blob) + signed.substring(blobEnd);
    }

}
