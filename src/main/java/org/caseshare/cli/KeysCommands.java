package org.caseshare.cli;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditKeyRotation;
import org.caseshare.audit.AuditKeys;
import org.caseshare.audit.AuditTrail;
import org.caseshare.crypto.KeyRotation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keys status|rotate|rewrap|retire|rotate-audit-key}: rotating the key-encryption key and the
 * audit signing key while the service runs (docs/adr/0016-key-rotation.md). Each step is audited
 * with key ids and counts only.
 */
@Command(name = "keys", description = "Show and rotate the key-encryption keyset and the audit signing key.",
        subcommands = {KeysCommands.Status.class, KeysCommands.Rotate.class, KeysCommands.Rewrap.class, KeysCommands.Retire.class,
                KeysCommands.RotateAuditKey.class},
        mixinStandardHelpOptions = true)
final class KeysCommands {

    static final String TARGET = "key-encryption-key:";

    private KeysCommands() {
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "List the keys, which is primary, and how many sealed values still name each key.")
    static class Status extends AdminCommands.Step {
        private final KeyRotation rotation;
        private final AuditKeys auditKeys;

        Status(KeyRotation rotation, AuditKeys auditKeys) {
            this.rotation = rotation;
            this.auditKeys = auditKeys;
        }

        @Override
        void run() {
            KeyRotation.Status status = rotation.status();
            out("Key-encryption keys:");
            for (KeyRotation.Key key : status.keys()) {
                out(String.format("  %08x  %-8s%s  %d sealed value(s)", key.id(), key.enabled() ? "enabled" : "disabled",
                        key.primary() ? "  primary" : "", status.usesOf(key.id())));
            }
            out("Sealed values by kind and key:");
            for (Map.Entry<String, Map<Long, Long>> kind : status.uses().entrySet()) {
                StringBuilder line = new StringBuilder("  " + kind.getKey() + ":");
                kind.getValue().forEach((id, count) -> line.append(' ').append(id < 0 ? "unnamed" : String.format("%08x", id))
                        .append('=').append(count));
                out(line.toString());
            }
            out("Audit signing keys (current first):");
            auditKeys.verifyingKeys().forEach(key -> out("  " + key.verifierKey()));
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Add a new key-encryption key, let the nodes load it, make it primary, re-seal everything in batches,"
                    + " retire the old key, and rotate the audit signing key. Safe to run again after an interruption.")
    static class Rotate extends KeySteps {
        @Option(names = "--wait", description = "How long to let every node re-read the keyset file after each change"
                + " (at least caseshare.crypto.reload-every; default ${DEFAULT-VALUE}).", defaultValue = "PT70S")
        Duration wait;
        @Option(names = "--batch-size", description = "Rows re-sealed per transaction (default ${DEFAULT-VALUE}).", defaultValue = "200")
        int batchSize;

        Rotate(KeyRotation rotation, AuditKeyRotation auditRotation, AuditTrail audit) {
            super(rotation, auditRotation, audit);
        }

        @Override
        void run() {
            KeyRotation.Step added = step(rotation::addKey, "crypto.key-added");
            if (added.changed()) {
                AuditKeyRotation.Rotated rotated = auditRotation.rotate(AdminCommands.ACTOR);
                out("Audit signing key is now " + rotated.current().verifierKey() + " (the old one still verifies older checkpoints)");
            }
            if (stopForOperator(added)) {
                return;
            }
            waitForNodes(added);
            KeyRotation.Step promoted = step(rotation::promote, "crypto.key-promoted");
            if (stopForOperator(promoted)) {
                return;
            }
            waitForNodes(promoted);
            rewrap(batchSize);
            if (retire(false)) {
                return;
            }
            out("Done: key " + String.format("%08x", rotation.primaryKeyId()) + " is primary and every sealed value names it.");
        }

        private void waitForNodes(KeyRotation.Step step) {
            if (!step.changed() || wait.isZero() || wait.isNegative()) {
                return;
            }
            out("Waiting " + wait.toSeconds() + " s for every node to re-read the keyset file...");
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted; run 'keys rotate' again to carry on");
            }
        }
    }

    @Command(name = "rewrap", mixinStandardHelpOptions = true,
            description = "Re-seal every value that does not name the primary key (a batch per transaction; safe to repeat).")
    static class Rewrap extends KeySteps {
        @Option(names = "--batch-size", description = "Rows re-sealed per transaction (default ${DEFAULT-VALUE}).", defaultValue = "200")
        int batchSize;

        Rewrap(KeyRotation rotation, AuditKeyRotation auditRotation, AuditTrail audit) {
            super(rotation, auditRotation, audit);
        }

        @Override
        void run() {
            rewrap(batchSize);
        }
    }

    @Command(name = "retire", mixinStandardHelpOptions = true,
            description = "Disable old keys that no sealed value names; with --delete, remove keys already disabled and unused.")
    static class Retire extends KeySteps {
        @Option(names = "--delete", description = "Also delete keys that an earlier run disabled and that are still unused.")
        boolean delete;

        Retire(KeyRotation rotation, AuditKeyRotation auditRotation, AuditTrail audit) {
            super(rotation, auditRotation, audit);
        }

        @Override
        void run() {
            retire(delete);
        }
    }

    @Command(name = "rotate-audit-key", mixinStandardHelpOptions = true,
            description = "Make a new audit signing key current; the old public key still verifies older checkpoints.")
    static class RotateAuditKey extends KeySteps {
        RotateAuditKey(KeyRotation rotation, AuditKeyRotation auditRotation, AuditTrail audit) {
            super(rotation, auditRotation, audit);
        }

        @Override
        void run() {
            AuditKeyRotation.Rotated rotated = auditRotation.rotate(AdminCommands.ACTOR);
            out("Audit signing key was " + rotated.previous().verifierKey());
            out("Audit signing key is now " + rotated.current().verifierKey());
        }
    }

    /** The steps the commands share, each printed and audited. */
    abstract static class KeySteps extends AdminCommands.Step {
        final KeyRotation rotation;
        final AuditKeyRotation auditRotation;
        final AuditTrail audit;

        KeySteps(KeyRotation rotation, AuditKeyRotation auditRotation, AuditTrail audit) {
            this.rotation = rotation;
            this.auditRotation = auditRotation;
            this.audit = audit;
        }

        interface KeysetChange {
            KeyRotation.Step apply() throws GeneralSecurityException;
        }

        KeyRotation.Step step(KeysetChange change, String action) {
            KeyRotation.Step step;
            try {
                step = change.apply();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The keyset cannot be changed: " + e.getMessage());
            }
            out(step.message());
            if (step.changed()) {
                audit.record(AuditEvent.success(action, AdminCommands.ACTOR, null, TARGET + String.format("%08x", step.keyId())));
            }
            return step;
        }

        void rewrap(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("--batch-size must be at least 1");
            }
            out("Re-sealing under key " + String.format("%08x", rotation.primaryKeyId()) + ", " + batchSize + " rows per transaction:");
            KeyRotation.Rewrap result = rotation.rewrap(batchSize, line -> out("  " + line));
            out("Re-sealed " + result.resealed() + " of " + result.checked() + " sealed value(s)"
                    + (result.failed() > 0 ? "; " + result.failed() + " could not be opened (see 'keys status')" : ""));
            audit.record(AuditEvent.success("crypto.data-resealed", AdminCommands.ACTOR, null,
                            TARGET + String.format("%08x", rotation.primaryKeyId()))
                    .with("checked", Long.toString(result.checked())).with("resealed", Long.toString(result.resealed()))
                    .with("failed", Long.toString(result.failed())));
        }

        /** Returns true when the operator must store a changed keyset before anything else. */
        boolean retire(boolean delete) {
            List<KeyRotation.Step> steps;
            try {
                steps = rotation.retire(delete);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The keyset cannot be changed: " + e.getMessage());
            }
            boolean changed = false;
            for (KeyRotation.Step step : steps) {
                out(step.message());
                if (step.changed()) {
                    changed = true;
                    audit.record(AuditEvent.success(step.message().startsWith("Deleted") ? "crypto.key-deleted" : "crypto.key-disabled",
                            AdminCommands.ACTOR, null, TARGET + String.format("%08x", step.keyId())));
                }
            }
            return changed && stopForOperator(new KeyRotation.Step(0, true, ""));
        }

        /**
         * With the keyset in configuration text this process cannot pass a change on: it prints the new
         * keyset for the operator to store on every node (then restart them and run the command again).
         */
        boolean stopForOperator(KeyRotation.Step step) {
            if (!step.changed() || !rotation.keysetFromConfiguration()) {
                return false;
            }
            out("The keyset comes from CASESHARE_CRYPTO_KEYSET. Store the new keyset below there on every node, restart them"
                    + " one at a time, then run this command again. The keyset is on the last line.");
            try {
                out(rotation.keysetToStore());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The keyset cannot be written out: " + e.getMessage());
            }
            return true;
        }
    }
}
