package org.caseshare.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How many entries of one organisation carry each of some actions in a period, sequenced or not yet:
 * for the oversight figures (failed sign-ins, throttling). Entries without an organisation (a sign-in
 * with an unknown email address) belong to nobody's figures.
 */
@Service
public class AuditCounts {

    private final JdbcClient jdbc;

    AuditCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every action asked for, in the order given, with its count (zero when none). */
    public Map<String, Long> byAction(UUID organisationId, Collection<String> actions, Instant from, Instant to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        actions.forEach(action -> counts.put(action, 0L));
        if (actions.isEmpty()) {
            return counts;
        }
        String marks = String.join(",", Collections.nCopies(actions.size(), "?"));
        String where = " where organisation_id = ? and action in (" + marks + ") and occurred_at >= ? and occurred_at < ?";
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            params.add(organisationId);
            params.addAll(actions);
            params.add(Timestamp.from(from));
            params.add(Timestamp.from(to));
        }
        jdbc.sql("select action, count(*) as n from (select action from audit_entry" + where + " union all select action from audit_pending"
                + where + ") a group by action").params(params)
                .query(rs -> {
                    counts.put(rs.getString("action"), rs.getLong("n"));
                });
        return counts;
    }
}
