package org.caseshare.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

import org.caseshare.audit.merkle.Checkpoint;
import org.caseshare.audit.merkle.CheckpointVerificationException;
import org.caseshare.audit.merkle.CheckpointVerifier;
import org.caseshare.audit.merkle.MalformedCheckpointException;
import org.caseshare.audit.merkle.MerkleTreeBuilder;
import org.caseshare.crypto.AuditVerifyingKey;
import org.caseshare.system.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Recomputes the Merkle tree from every stored entry, in seq order and a page at a time, and checks
 * the sequence is dense and every checkpoint (stored, or supplied from outside the database) is
 * signed by the audit key and matches the tree at its size. Trusts nothing derived and stored: not
 * the checkpoint table's root or frontier columns, only the signed notes.
 */
@Service
public class AuditVerification {

    private final ApplicationEventPublisher events;

    private final AuditEntries entries;
    private final AuditCheckpoints checkpoints;
    private final AuditKeys keys;
    private final AuditSeals seals;
    private final AuditTrail trail;

    AuditVerification(AuditEntries entries, AuditCheckpoints checkpoints, AuditKeys keys, AuditSeals seals, AuditTrail trail,
            ApplicationEventPublisher events) {
        this.events = events;
        this.entries = entries;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.seals = seals;
        this.trail = trail;
    }

    /** A checkpoint from outside the database, e.g. an exported file; {@code source} names it in reports. */
    public record SuppliedCheckpoint(String source, String signedNote) {
    }

    private record Candidate(Text name, Checkpoint checkpoint) {
    }

    public VerificationReport verify(List<SuppliedCheckpoint> supplied) {
        return verify(supplied, keys.verifyingKeys());
    }

    /** Verifies against a pinned public key, e.g. one an outsider received when the log started. */
    public VerificationReport verify(List<SuppliedCheckpoint> supplied, AuditVerifyingKey key) {
        return verify(supplied, List.of(key));
    }

    /**
     * Verifies with every key that may have signed: after a rotation the old checkpoints carry the old
     * key's signature and the new ones the new key's; each must be validly signed by one of them.
     */
    public VerificationReport verify(List<SuppliedCheckpoint> supplied, List<AuditVerifyingKey> trusted) {
        List<Text> failures = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        List<CheckpointVerifier> verifier = trusted.stream().map(AuditKeys::verifier).toList();
        List<AuditCheckpoint> stored = checkpoints.all();
        for (AuditCheckpoint checkpoint : stored) {
            open(Text.of("audit.finding.stored-checkpoint", String.valueOf(checkpoint.treeSize())), checkpoint.signedNote(),
                    verifier, candidates, failures);
        }
        for (SuppliedCheckpoint file : supplied) {
            open(Text.of("audit.finding.checkpoint", file.source()), file.signedNote(), verifier, candidates, failures);
        }
        candidates.sort(Comparator.comparingLong(c -> c.checkpoint().size()));
        Walk walk = new Walk(candidates, failures);
        walk.checkReached();
        // The head is read once, before the entries, and only entries up to it are read: the
        // sequencer may append while the walk runs, and what it appends meanwhile is for the next
        // verification, not a mismatch between the head and the entries read.
        long head = entries.lastSeq();
        long after = 0;
        for (List<AuditEntry> page = entries.between(after, head, AuditEntries.PAGE); !page.isEmpty();
                page = entries.between(after, head, AuditEntries.PAGE)) {
            for (AuditEntry entry : page) {
                walk.append(entry);
            }
            after = page.get(page.size() - 1).seq();
        }
        walk.finish(head, entries.beyondHead());
        // Checkpoints narrow a change to a range, and no checkpoint covers the newest entries yet;
        // there the entries' seals name the entry.
        List<ChangedEntries.Range> ranges = new ArrayList<>(walk.suspects);
        if (walk.lastSeq > walk.lastGood) {
            ranges.add(new ChangedEntries.Range(walk.lastGood + 1, walk.lastSeq));
        }
        failures.addAll(ChangedEntries.find(entries, seals, ranges));
        List<AuditEntries.SealedEntry> pending = entries.pending();
        checkPending(pending, failures);
        reportAlarms(failures);
        if (!failures.isEmpty()) {
            events.publishEvent(new AuditVerificationFailed(failures.size()));
        }
        return new VerificationReport(walk.read, stored.size() + supplied.size(), walk.tree.size(),
                Base64.getEncoder().encodeToString(walk.tree.root()), failures, pending.size());
    }

    /** Entries not yet sequenced are in no tree: only their seals can tell that one was changed. */
    private void checkPending(List<AuditEntries.SealedEntry> pending, List<Text> failures) {
        List<Text> changed = pending.stream().filter(p -> !seals.matches(p.asWritten(), p.seal()))
                .map(p -> Text.of("audit.finding.pending-changed", String.valueOf(p.entry().occurredAt())))
                .toList();
        failures.addAll(changed.subList(0, Math.min(ChangedEntries.NAMED, changed.size())));
        if (changed.size() > ChangedEntries.NAMED) {
            failures.add(Text.of("audit.finding.pending-changed-more", String.valueOf(changed.size() - ChangedEntries.NAMED)));
        }
    }

    /**
     * What the trail recorded about itself: entries a node committed that were deleted before they
     * were sequenced, and entries the sequencer found changed before it gave them their place.
     */
    private void reportAlarms(List<Text> failures) {
        for (AuditEntry alarm : trail.latestWithAction(PendingWatch.MISSING, 100)) {
            failures.add(Text.of("audit.finding.deleted-pending", alarm.target().replace("audit-pending:", ""),
                    String.valueOf(alarm.occurredAt())));
        }
        for (AuditEntry alarm : trail.latestWithAction(AuditSequencer.SEAL_BROKEN, 100)) {
            failures.add(Text.of("audit.finding.seal-broken", alarm.target().replace("audit-entry:", ""),
                    String.valueOf(alarm.occurredAt())));
        }
    }

    /** One pass over the entries: the tree so far, and the checkpoints still ahead of it. */
    private static final class Walk {
        private final MerkleTreeBuilder tree = new MerkleTreeBuilder();
        private final List<Candidate> candidates;
        private final List<Text> failures;
        private int next;
        private long lastGood;
        private long read;
        private long missing;
        private long lastSeq;
        private final List<ChangedEntries.Range> suspects = new ArrayList<>();
        // Checkpoints that failed after the first one with no good one between them: one deleted
        // entry breaks every later checkpoint, and a line for each would bury the one that matters.
        private long lastBad = -1;
        private int laterBad;
        private long laterBadUpTo;

        Walk(List<Candidate> candidates, List<Text> failures) {
            this.candidates = candidates;
            this.failures = failures;
        }

        void append(AuditEntry entry) {
            // Expected: the entry after the last one seen, not after as many as were read, so that
            // one gap is reported once rather than again at every later entry.
            long expected = lastSeq + 1;
            if (entry.seq() > expected) {
                missing += entry.seq() - expected;
            }
            if (entry.seq() == expected + 1) {
                failures.add(Text.of("audit.finding.missing", String.valueOf(expected), String.valueOf(expected - 1),
                        String.valueOf(entry.seq())));
            } else if (entry.seq() > expected) {
                failures.add(Text.of("audit.finding.missing-range", String.valueOf(expected), String.valueOf(entry.seq() - 1),
                        String.valueOf(expected - 1), String.valueOf(entry.seq())));
            } else if (entry.seq() < expected) {
                failures.add(Text.of("audit.finding.out-of-order", String.valueOf(entry.seq()), String.valueOf(expected)));
            }
            lastSeq = Math.max(lastSeq, entry.seq());
            // Leaf i is the i-th entry read: after a gap every later leaf is misplaced, and the
            // checkpoints say so too.
            tree.appendEntry(AuditLeaf.encode(entry));
            read++;
            checkReached();
        }

        /** Checks every checkpoint whose size the tree has reached. */
        void checkReached() {
            byte[] root = null;
            while (next < candidates.size() && candidates.get(next).checkpoint().size() == tree.size()) {
                Candidate c = candidates.get(next++);
                root = root == null ? tree.root() : root;
                if (MessageDigest.isEqual(c.checkpoint().rootHash(), root)) {
                    reportLaterBad();
                    lastGood = tree.size();
                } else {
                    mismatch(c);
                }
            }
        }

        /** A checkpoint whose root is not the entries': named if it is the first since the last good one. */
        private void mismatch(Candidate c) {
            if (firstBadSinceLastGood()) {
                suspects.add(new ChangedEntries.Range(lastGood + 1, c.checkpoint().size()));
                failures.add(Text.of("audit.finding.mismatch", c.name(), String.valueOf(c.checkpoint().timestamp()),
                        String.valueOf(lastGood + 1), String.valueOf(c.checkpoint().size())));
                lastBad = c.checkpoint().size();
            } else {
                ChangedEntries.Range run = suspects.remove(suspects.size() - 1);
                suspects.add(new ChangedEntries.Range(run.first(), c.checkpoint().size()));
                laterBad++;
                laterBadUpTo = c.checkpoint().size();
            }
        }

        private boolean firstBadSinceLastGood() {
            return lastBad < lastGood;
        }

        /** One line for the run of failed checkpoints after the first, which say nothing the first did not. */
        private void reportLaterBad() {
            if (laterBad > 0) {
                failures.add(Text.of("audit.finding.later-mismatch-" + (laterBad == 1 ? "one" : "several"), String.valueOf(laterBad),
                        String.valueOf(laterBadUpTo)));
                laterBad = 0;
            }
        }

        void finish(long head, long beyondHead) {
            // With entries missing from the middle, the last checkpoints reach past the number of
            // entries read but not past the last sequence number: they fail because of the gap
            // already reported, not because the tail was cut off.
            while (missing > 0 && next < candidates.size() && candidates.get(next).checkpoint().size() <= lastSeq) {
                mismatch(candidates.get(next++));
            }
            reportLaterBad();
            if (next < candidates.size()) {
                Candidate c = candidates.get(next);
                failures.add(Text.of("audit.finding.cut-off", c.name(), String.valueOf(c.checkpoint().size()), String.valueOf(read)));
                int beyond = candidates.size() - next - 1;
                if (beyond > 0) {
                    failures.add(Text.of("audit.finding.beyond-" + (beyond == 1 ? "one" : "several"), String.valueOf(beyond),
                            String.valueOf(candidates.get(candidates.size() - 1).checkpoint().size())));
                }
                next = candidates.size();
            }
            // Entries already reported missing account for their share of the difference; entries
            // beyond the head (a head set back) were not read, and are counted with what was.
            if (head != read + missing || beyondHead > 0) {
                failures.add(Text.of("audit.finding.head", String.valueOf(head), String.valueOf(read + beyondHead)));
            }
        }
    }

    private static void open(Text name, String signedNote, List<CheckpointVerifier> verifiers, List<Candidate> candidates,
            List<Text> failures) {
        // The current key first: a checkpoint's failure is reported against it when no key signed it.
        for (CheckpointVerifier other : verifiers.subList(1, verifiers.size())) {
            try {
                Checkpoint checkpoint = Checkpoint.open(signedNote, other);
                if (checkpoint.origin().equals(other.keyName())) {
                    candidates.add(new Candidate(name, checkpoint));
                    return;
                }
            } catch (CheckpointVerificationException | MalformedCheckpointException notThisKey) {
                // tried again with the current key below, which reports what is wrong
            }
        }
        CheckpointVerifier verifier = verifiers.get(0);
        try {
            Checkpoint checkpoint = Checkpoint.open(signedNote, verifier);
            if (!checkpoint.origin().equals(verifier.keyName())) {
                failures.add(Text.of("audit.finding.other-log", name, checkpoint.origin(), verifier.keyName()));
                return;
            }
            candidates.add(new Candidate(name, checkpoint));
        } catch (CheckpointVerificationException e) {
            // The library's reason stays as it words it, in English.
            failures.add(Text.of("audit.finding.bad-signature", name, verifier.keyName(), String.valueOf(e.getMessage())));
        } catch (MalformedCheckpointException e) {
            failures.add(Text.of("audit.finding.malformed", name, String.valueOf(e.getMessage())));
        }
    }
}
