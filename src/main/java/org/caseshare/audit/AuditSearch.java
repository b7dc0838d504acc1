package org.caseshare.audit;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Finds an organisation's entries for the viewer and the CSV export, newest first, the unsequenced ones included. */
@Component
class AuditSearch {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AuditSearch(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** One page; asks for one row more than the page so the caller knows whether there is a next page. */
    List<AuditEntry> page(AuditFilter filter, int page, int size) {
        Query query = query(filter);
        query.params.add(size + 1);
        query.params.add((long) page * size);
        return jdbc.sql(query.sql + " limit ? offset ?").params(query.params).query(AuditEntries::map).list();
    }

    /**
     * Every matching entry, one at a time. Read-only transaction, so PostgreSQL's driver can use a
     * cursor with the fetch size instead of loading the whole result.
     */
    @Transactional(readOnly = true)
    void each(AuditFilter filter, Consumer<AuditEntry> consumer) {
        Query query = query(filter);
        JdbcTemplate streaming = new JdbcTemplate(template.getDataSource());
        streaming.setFetchSize(1000);
        int[] row = {0};
        streaming.query(query.sql, rs -> {
            consumer.accept(AuditEntries.map(rs, row[0]++));
        }, query.params.toArray());
    }

    private record Query(String sql, List<Object> params) {
    }

    private static Query query(AuditFilter filter) {
        // No organisation: the system's own entries (e.g. sign-ins with names no account has).
        StringBuilder sql = new StringBuilder(filter.organisationId() == null ? "organisation_id is null" : "organisation_id = ?");
        List<Object> params = new ArrayList<>();
        if (filter.organisationId() != null) {
            params.add(filter.organisationId());
        }
        if (!blank(filter.actor())) {
            // the actor id itself, or anyone in the organisation whose name matched it
            List<String> named = filter.actorIds() == null ? List.of() : filter.actorIds();
            sql.append(" and (actor_id = ?");
            params.add(filter.actor().strip());
            if (!named.isEmpty()) {
                sql.append(" or actor_id in (").append(String.join(", ", java.util.Collections.nCopies(named.size(), "?"))).append(")");
                params.addAll(named);
            }
            sql.append(")");
        }
        if (!blank(filter.action())) {
            // A prefix, so "login" finds login.password, login.failure and the rest.
            sql.append(" and action like ? escape '\\'");
            params.add(filter.action().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (!blank(filter.target())) {
            sql.append(" and target = ?");
            params.add(filter.target().strip());
        }
        if (filter.from() != null) {
            sql.append(" and occurred_at >= ?");
            params.add(filter.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            sql.append(" and occurred_at < ?");
            params.add(filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        // The same conditions on the sequenced entries and on those still waiting for their number.
        List<Object> twice = new ArrayList<>(params);
        twice.addAll(params);
        return new Query(AuditEntries.BOTH.formatted(sql, sql), twice);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
