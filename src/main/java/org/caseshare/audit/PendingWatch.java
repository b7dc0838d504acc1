package org.caseshare.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * This node's memory of the entries it committed until each is seen in the trail. An unsequenced
 * entry is in no tree yet, so deleting its row leaves nothing behind in the database; the node that
 * committed it is the only witness. When one of them is found neither pending nor sequenced, the
 * node records {@code audit.entry-missing} (which {@code audit verify} reports) and logs an error.
 * Losing this memory in a crash loses only the watch over the last moments' entries, never data, so
 * it is not state that nodes must share.
 */
@Component
class PendingWatch {

    static final String MISSING = "audit.entry-missing";
    /** Bounds the memory: beyond this many unconfirmed entries, new ones are counted, not watched. */
    static final int CAPACITY = 200_000;
    private static final Logger log = LoggerFactory.getLogger(PendingWatch.class);

    private final Map<UUID, Instant> committed = new ConcurrentHashMap<>();
    private final AtomicLong unwatched = new AtomicLong();
    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectProvider<AuditTrail> trail;

    PendingWatch(NamedParameterJdbcTemplate jdbc, ObjectProvider<AuditTrail> trail) {
        this.jdbc = jdbc;
        this.trail = trail;
    }

    void committed(UUID id) {
        if (committed.size() < CAPACITY) {
            committed.put(id, Instant.now());
        } else {
            unwatched.incrementAndGet();
        }
    }

    /**
     * This node's sequencer has just committed these entries into the trail: nothing to ask the
     * database about them later. Only entries another node sequenced are left for {@link #check}.
     */
    void seenInTrail(Collection<UUID> ids) {
        ids.forEach(committed::remove);
    }

    /**
     * Confirms the entries committed at least {@code settle} ago: found in the trail, they are
     * forgotten; still pending, watched on; found in neither, reported.
     */
    int check(Duration settle) {
        Instant before = Instant.now().minus(settle);
        List<UUID> due = new ArrayList<>();
        committed.forEach((id, at) -> {
            if (at.isBefore(before)) {
                due.add(id);
            }
        });
        int missing = 0;
        for (int from = 0; from < due.size(); from += 1000) {
            List<UUID> chunk = due.subList(from, Math.min(due.size(), from + 1000));
            // Almost every entry is in the trail by now: look there first, and ask about the few
            // that are not. One found in neither may have moved between the two reads (the
            // sequencer moves an entry in one transaction), so the trail is asked once more.
            Set<UUID> inTrail = sequenced(chunk);
            List<UUID> notSequenced = without(chunk, inTrail);
            List<UUID> neither = without(notSequenced, ids("select id from audit_pending where id in (:ids)", notSequenced));
            Set<UUID> movedMeanwhile = sequenced(neither);
            committed.keySet().removeAll(inTrail);
            committed.keySet().removeAll(movedMeanwhile);
            for (UUID id : without(neither, movedMeanwhile)) {
                committed.remove(id);
                missing++;
                log.error("Audit entry {} was committed on this node but is neither pending nor in the trail: it was deleted", id);
                trail.getObject().record(AuditEvent.failure(MISSING, "system", null, "audit-pending:" + id));
            }
        }
        return missing;
    }

    private Set<UUID> sequenced(List<UUID> ids) {
        return ids("select pending_id from audit_entry where pending_id in (:ids)", ids);
    }

    private Set<UUID> ids(String sql, List<UUID> ids) {
        return ids.isEmpty() ? Set.of() : new HashSet<>(jdbc.queryForList(sql, Map.of("ids", ids), UUID.class));
    }

    private static List<UUID> without(List<UUID> ids, Set<UUID> found) {
        return ids.stream().filter(id -> !found.contains(id)).toList();
    }

    int watching() {
        return committed.size();
    }

    /** Forgets every entry, as a restarted node would: for tests that put the tables back themselves. */
    void forgetAll() {
        committed.clear();
    }
}
