package org.caseshare.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

import org.caseshare.audit.AuditCheckpoint;
import org.caseshare.audit.AuditCheckpoints;
import org.caseshare.audit.AuditKeys;
import org.caseshare.audit.AuditProofs;
import org.caseshare.audit.AuditVerification;
import org.caseshare.audit.ProofDocuments;
import org.caseshare.audit.VerificationReport;
import org.caseshare.crypto.AuditVerifyingKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code audit verify|checkpoint|export|public-key|prove|prove-consistency}: checking the trail
 * from the database and the exported checkpoints, without the web server.
 */
@Command(name = "audit", description = "Verify the tamper-evident audit trail, sign and export checkpoints, print proofs.",
        subcommands = {AuditCommands.Verify.class, AuditCommands.CheckpointNow.class, AuditCommands.Export.class,
                AuditCommands.PublicKey.class, AuditCommands.Prove.class, AuditCommands.ProveConsistency.class},
        mixinStandardHelpOptions = true)
final class AuditCommands {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recompute the Merkle tree from every entry and check every stored checkpoint and any given file."
                    + " Exit status 0 when all is well, 1 with the first failure named otherwise.")
    static class Verify extends AdminCommands.Step {
        private final AuditVerification verification;

        Verify(AuditVerification verification) {
            this.verification = verification;
        }

        @Option(names = "--checkpoint", description = "A checkpoint file kept outside the database (repeatable).")
        List<Path> files = new ArrayList<>();
        @Option(names = "--public-key", description = "Pin the verifier key (name+id+key) instead of using the database's.")
        String publicKey;

        private boolean failed;

        @Override
        public Integer call() {
            Integer status = super.call();
            return status == 0 && failed ? 1 : status;
        }

        @Override
        void run() {
            List<AuditVerification.SuppliedCheckpoint> supplied = new ArrayList<>();
            for (Path file : files) {
                supplied.add(new AuditVerification.SuppliedCheckpoint("file " + file, read(file)));
            }
            VerificationReport report = publicKey == null ? verification.verify(supplied)
                    : verification.verify(supplied, parse(publicKey));
            out("Entries checked: " + report.entriesChecked());
            out("Checkpoints checked: " + report.checkpointsChecked());
            out("Tree size " + report.treeSize() + ", root " + report.rootHash());
            if (report.ok()) {
                out("OK: the audit trail matches every checkpoint.");
                return;
            }
            failed = true;
            out("FAILED: " + report.failures().size() + " problem(s)");
            report.failures().forEach(failure -> out("  - " + failure));
            spec.commandLine().getErr().println("Error: audit verification failed: " + report.firstFailure().orElseThrow());
            spec.commandLine().getErr().flush();
        }
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true, description = "Sign, store and export a checkpoint now.")
    static class CheckpointNow extends AdminCommands.Step {
        private final AuditCheckpoints checkpoints;

        CheckpointNow(AuditCheckpoints checkpoints) {
            this.checkpoints = checkpoints;
        }


        @Override
        void run() {
            checkpoints.checkpointNow().ifPresentOrElse(
                    c -> out("Signed checkpoint at tree size " + c.treeSize() + ", root " + c.rootHashBase64()),
                    () -> out("Nothing new to sign; the latest checkpoint is at tree size "
                            + checkpoints.latest().map(AuditCheckpoint::treeSize).orElse(0L)));
            checkpoints.latest().ifPresent(c -> spec.commandLine().getOut().print(c.signedNote()));
            spec.commandLine().getOut().flush();
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write every stored checkpoint as a text file.")
    static class Export extends AdminCommands.Step {
        private final AuditCheckpoints checkpoints;

        Export(AuditCheckpoints checkpoints) {
            this.checkpoints = checkpoints;
        }

        @Option(names = "--dir", required = true, description = "The directory to write to (created if missing).")
        Path dir;

        @Override
        void run() {
            out("Wrote " + checkpoints.exportAll(dir) + " checkpoint(s) to " + dir.toAbsolutePath());
        }
    }

    @Command(name = "public-key", mixinStandardHelpOptions = true,
            description = "Print the verifier key of the checkpoint signing key (C2SP note format).")
    static class PublicKey extends AdminCommands.Step {
        private final AuditKeys keys;

        PublicKey(AuditKeys keys) {
            this.keys = keys;
        }


        @Override
        void run() {
            out(keys.verifyingKey().verifierKey());
        }
    }

    @Command(name = "prove", mixinStandardHelpOptions = true,
            description = "Print an inclusion proof (JSON) of one entry against a checkpoint.")
    static class Prove extends AdminCommands.Step {
        private final AuditProofs proofs;

        Prove(AuditProofs proofs) {
            this.proofs = proofs;
        }

        @Option(names = "--seq", required = true, description = "The entry's sequence number.")
        long seq;
        @Option(names = "--tree-size", description = "A checkpointed tree size (default: the latest checkpoint).")
        Long treeSize;

        @Override
        void run() {
            out(JSON.writeValueAsString(ProofDocuments.of(proofs.inclusion(seq, treeSize, null))));
        }
    }

    @Command(name = "prove-consistency", mixinStandardHelpOptions = true,
            description = "Print a consistency proof (JSON) between two checkpoints.")
    static class ProveConsistency extends AdminCommands.Step {
        private final AuditProofs proofs;

        ProveConsistency(AuditProofs proofs) {
            this.proofs = proofs;
        }

        @Option(names = "--from", required = true, description = "The earlier checkpoint's tree size.")
        long from;
        @Option(names = "--to", required = true, description = "The later checkpoint's tree size.")
        long to;

        @Override
        void run() {
            out(JSON.writeValueAsString(ProofDocuments.of(proofs.consistency(from, to))));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AuditVerifyingKey parse(String key) {
        try {
            return AuditVerifyingKey.parse(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The public key is not a verifier key: " + e.getMessage());
        }
    }
}
