package org.caseshare.cli;

import java.time.Duration;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.sql.DataSource;

import org.caseshare.audit.AuditCheckpoints;
import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditKeys;
import org.caseshare.audit.AuditTrail;
import org.caseshare.audit.merkle.MerkleVerifier;
import org.caseshare.support.AuditAttacker;
import org.caseshare.support.AuditTampering;
import org.caseshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code audit …} as an operator runs it, against the test's own context. */
@AuditTampering
abstract class AuditCommandLineTests extends IntegrationTest {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    AuditTrail audit;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    AuditKeys keys;
    @Autowired
    DataSource dataSource;
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    @Test
    void verifyExitsZeroOnAnIntactTrail() {
        record(5);
        Run checkpoint = run("audit", "checkpoint");
        assertThat(checkpoint.status()).isZero();
        assertThat(checkpoint.out()).contains("Signed checkpoint at tree size").contains("\n\u2014 ");

        Run verify = run("audit", "verify");

        assertThat(verify.status()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("OK: the audit trail matches every checkpoint.").contains("Entries checked: ");
    }

    @Test
    void verifyExitsNonZeroAndNamesTheMissingEntryAfterTampering() {
        record(5);
        long size = checkpoints.checkpointNow().orElseThrow().treeSize();
        AuditAttacker attacker = new AuditAttacker(dataSource);
        attacker.snapshot();
        try {
            attacker.tamper("delete from audit_entry where seq = " + (size - 2));

            Run verify = run("audit", "verify");

            assertThat(verify.status()).isEqualTo(1);
            assertThat(verify.err()).contains("Error: audit verification failed: entry " + (size - 2) + " is missing");
            assertThat(verify.out()).contains("FAILED: 2 problem(s)").contains("stored checkpoint at tree size " + size);
        } finally {
            attacker.restore();
        }
        assertThat(run("audit", "verify").status()).isZero();
    }

    @Test
    void verifyChecksAnExportedCheckpointFileAgainstATruncatedTrail() throws Exception {
        record(3);
        long first = checkpoints.checkpointNow().orElseThrow().treeSize();
        record(3);
        checkpoints.checkpointNow().orElseThrow();
        assertThat(run("audit", "export", "--dir", dir.toString()).out()).contains("checkpoint(s) to");
        Path kept;
        try (var files = Files.list(dir)) {
            kept = files.sorted().reduce((a, b) -> b).orElseThrow();
        }
        AuditAttacker attacker = new AuditAttacker(dataSource);
        attacker.snapshot();
        try {
            attacker.tamper("delete from audit_entry where seq > " + first, "delete from audit_checkpoint where tree_size > " + first,
                    "update audit_head set last_seq = " + first);
            assertThat(run("audit", "verify").status()).as("nothing inside the database gives it away").isZero();

            Run verify = run("audit", "verify", "--checkpoint", kept.toString());

            assertThat(verify.status()).isEqualTo(1);
            assertThat(verify.err()).contains("checkpoint file " + kept + " covers");
        } finally {
            attacker.restore();
        }
    }

    @Test
    void publicKeyPrintsTheVerifierKeyAndVerifyAcceptsItPinned() {
        Run key = run("audit", "public-key");

        assertThat(key.status()).isZero();
        assertThat(key.out().strip()).isEqualTo(keys.verifyingKey().verifierKey());
        assertThat(run("audit", "verify", "--public-key", key.out().strip()).status()).isZero();
        Run wrongKey = run("audit", "verify", "--public-key", "someone-else+00000000+AQ==");
        assertThat(wrongKey.status()).isEqualTo(1);
        assertThat(wrongKey.err()).contains("The public key is not a verifier key");
    }

    @Test
    void proveGivesAnInclusionProofThatChecksOutAndFailsWhenForged() {
        long seq = record(4);
        checkpoints.checkpointNow();
        Run prove = run("audit", "prove", "--seq", Long.toString(seq));
        assertThat(prove.status()).as(prove.err()).isZero();
        JsonNode proof = JsonMapper.builder().build().readTree(prove.out());

        byte[] leafHash = b64(proof.get("leafHash").asString());
        byte[] root = b64(proof.get("rootHash").asString());
        List<byte[]> path = new ArrayList<>();
        proof.get("proof").forEach(node -> path.add(b64(node.asString())));
        long treeSize = proof.get("treeSize").asLong();
        assertThat(MerkleVerifier.isValidInclusion(leafHash, seq - 1, treeSize, path, root)).isTrue();

        leafHash[0] ^= 1;
        assertThat(MerkleVerifier.isValidInclusion(leafHash, seq - 1, treeSize, path, root)).as("forged entry").isFalse();
        assertThat(run("audit", "prove", "--seq", Long.toString(seq), "--tree-size", "999999999").err())
                .contains("Audit checkpoint at tree size 999999999 not found");
    }

    @Test
    void proveConsistencyLinksTwoCheckpoints() {
        record(2);
        long from = checkpoints.checkpointNow().orElseThrow().treeSize();
        record(3);
        long to = checkpoints.checkpointNow().orElseThrow().treeSize();

        Run prove = run("audit", "prove-consistency", "--from", Long.toString(from), "--to", Long.toString(to));

        assertThat(prove.status()).as(prove.err()).isZero();
        JsonNode proof = JsonMapper.builder().build().readTree(prove.out());
        List<byte[]> path = new ArrayList<>();
        proof.get("proof").forEach(node -> path.add(b64(node.asString())));
        assertThat(MerkleVerifier.isValidConsistency(from, to, b64(proof.get("fromRootHash").asString()),
                b64(proof.get("toRootHash").asString()), path)).isTrue();
    }

    private long record(int count) {
        long seq = 0;
        for (int i = 0; i < count; i++) {
            seq = audit.sequenceOf(audit.record(AuditEvent.success("test.cli", "tester", null, "test:" + i)), Duration.ofSeconds(30));
        }
        return seq;
    }

    private static byte[] b64(String text) {
        return Base64.getDecoder().decode(text);
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = CaseshareCommandLine.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }
}
