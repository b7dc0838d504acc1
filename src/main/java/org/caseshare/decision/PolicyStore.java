package org.caseshare.decision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The policy_version table: append-only, one row per accepted version of an organisation's policy. */
@Repository
class PolicyStore {

    /** A stored version with its text. */
    record Row(StoredPolicy stored, String text) {
    }

    private final JdbcClient jdbc;

    PolicyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> latest(UUID organisationId) {
        return jdbc.sql("select * from policy_version where organisation_id = ? order by number desc limit 1")
                .param(organisationId).query(PolicyStore::row).optional();
    }

    Optional<Row> find(UUID organisationId, int number) {
        return jdbc.sql("select * from policy_version where organisation_id = ? and number = ?")
                .params(organisationId, number).query(PolicyStore::row).optional();
    }

    /** Newest first, without the texts. */
    List<StoredPolicy> history(UUID organisationId) {
        return jdbc.sql("""
                select organisation_id, number, sha256, source, created_by, created_at
                from policy_version where organisation_id = ? order by number desc""")
                .param(organisationId).query(PolicyStore::stored).list();
    }

    /** Fails with a duplicate key if that number is already taken: versions are never overwritten. */
    void insert(UUID organisationId, int number, String sha256, String text, PolicySource source, UUID createdBy,
            Instant createdAt) {
        jdbc.sql("""
                insert into policy_version (organisation_id, number, sha256, policy_text, source, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(organisationId, number, sha256, text, source.name(), createdBy, Timestamp.from(createdAt))
                .update();
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(stored(rs, row), rs.getString("policy_text"));
    }

    private static StoredPolicy stored(ResultSet rs, int row) throws SQLException {
        return new StoredPolicy(rs.getInt("number"), rs.getString("sha256").strip(),
                PolicySource.valueOf(rs.getString("source")),
                Optional.ofNullable(rs.getObject("created_by", UUID.class)),
                Optional.of(rs.getTimestamp("created_at").toInstant()));
    }
}
