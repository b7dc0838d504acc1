package org.caseshare.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.caseshare.system.Actor;
import org.caseshare.system.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Receipts a partner can verify: for one audit entry of the caller's own, its leaf, an inclusion
 * proof and the signed checkpoint it is proved against (see README, "Receipts a partner can
 * verify"). An entry is named by the id {@link AuditTrail#record} returned, so a receipt can be
 * asked for before the sequencer has given the entry its place; it is then "pending", never waited
 * for. Only the person who acted, or their organisation's overseers, may have a receipt; everyone
 * else is told "not found".
 */
@Service
public class AuditReceipts {

    private final JdbcClient jdbc;
    private final AuditSequencer sequencer;
    private final AuditCheckpoints checkpoints;
    private final AuditProofs proofs;
    private final Clock clock;

    static final Duration ON_DEMAND_GAP = Duration.ofSeconds(1);

    AuditReceipts(JdbcClient jdbc, AuditSequencer sequencer, AuditCheckpoints checkpoints, AuditProofs proofs, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.sequencer = sequencer;
        this.checkpoints = checkpoints;
        this.proofs = proofs;
    }

    /** One of the caller's entries, as it can be listed beside what it records. */
    public record ReceiptEntry(UUID id, String action, Instant occurredAt) {
    }

    /** The caller's own entries about one target (such as {@code hub-package:<id>}), oldest first. */
    public List<ReceiptEntry> entriesFor(Actor caller, String target) {
        return jdbc.sql("""
                select pending_id as id, action, occurred_at from audit_entry
                 where organisation_id = ? and actor_id = ? and target = ? and pending_id is not null
                union all
                select id, action, occurred_at from audit_pending where organisation_id = ? and actor_id = ? and target = ?
                order by occurred_at""")
                .params(caller.organisationId(), caller.actorId(), target, caller.organisationId(), caller.actorId(), target)
                .query((rs, n) -> new ReceiptEntry(rs.getObject("id", UUID.class), rs.getString("action"),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    /**
     * The receipt of an entry, or empty while it is not yet sequenced and checkpointed (a moment
     * after its commit). Asking for it sequences what waits and signs a checkpoint if none covers
     * the entry yet, where this node may; neither waits on another node.
     */
    public Optional<ReceiptDocument> receipt(Actor caller, UUID entryId) {
        Owner owner = owner(entryId).filter(o -> mayHave(caller, o)).orElseThrow(() -> new NotFoundException("Receipt"));
        Optional<Long> seq = seq(entryId);
        if (seq.isEmpty()) {
            sequencer.sequencePending();
            seq = seq(entryId);
        }
        if (seq.isEmpty()) {
            return Optional.empty();
        }
        long place = seq.get();
        Optional<AuditCheckpoint> newest = checkpoints.latest();
        // At most one checkpoint per ON_DEMAND_GAP for receipts, however often people ask: a caller
        // polling for a receipt must not make the log sign (and export) on every request.
        // (A checkpoint stamped in the future, by a clock since set back, does not hold receipts up.)
        if (newest.map(c -> c.treeSize() < place
                && Duration.between(c.createdAt(), clock.instant()).abs().compareTo(ON_DEMAND_GAP) >= 0).orElse(true)) {
            checkpoints.checkpointNow();
        }
        Optional<AuditCheckpoint> latest = checkpoints.latest().filter(c -> c.treeSize() >= place);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ReceiptDocument.of(entryId, proofs.inclusion(place, latest.get().treeSize(), owner.organisationId())));
    }

    /** The newest checkpoint's tree extends the one of {@code from}: what a partner holding an old receipt asks. */
    public ProofDocuments.Consistency consistencyToLatest(long from) {
        AuditCheckpoint latest = checkpoints.latest().orElseThrow(() -> new NotFoundException("Audit checkpoint"));
        return ProofDocuments.of(proofs.consistency(from, latest.treeSize()));
    }

    private record Owner(UUID organisationId, String actorId) {
    }

    private static boolean mayHave(Actor caller, Owner owner) {
        if (owner.organisationId() == null || !owner.organisationId().equals(caller.organisationId())) {
            return false;
        }
        return caller.actorId().equals(owner.actorId())
                || caller.hasRole(AuditProofsApiController.DATA_PROTECTION_OFFICER) || caller.hasRole(AuditProofsApiController.ORGANISATION_ADMIN);
    }

    private Optional<Owner> owner(UUID entryId) {
        return jdbc.sql("""
                select organisation_id, actor_id from audit_entry where pending_id = ?
                union all
                select organisation_id, actor_id from audit_pending where id = ?""")
                .params(entryId, entryId)
                .query((rs, n) -> new Owner(rs.getObject("organisation_id", UUID.class), rs.getString("actor_id")))
                .list().stream().findFirst();
    }

    private Optional<Long> seq(UUID entryId) {
        return jdbc.sql("select seq from audit_entry where pending_id = ?").param(entryId).query(Long.class).optional();
    }
}
