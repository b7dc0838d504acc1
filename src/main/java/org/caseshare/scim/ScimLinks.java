package org.caseshare.scim;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The scim_user table. Every query is scoped to one organisation. */
@Repository
class ScimLinks {

    private final JdbcClient jdbc;

    ScimLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ScimLink> find(UUID organisationId, UUID accountId) {
        return jdbc.sql("select * from scim_user where organisation_id = ? and account_id = ?").params(organisationId, accountId)
                .query(ScimLinks::map).optional();
    }

    Optional<ScimLink> findByUserName(UUID organisationId, String userName) {
        return jdbc.sql("select * from scim_user where organisation_id = ? and user_name_key = ?").params(organisationId, key(userName))
                .query(ScimLinks::map).optional();
    }

    List<ScimLink> findByExternalId(UUID organisationId, String externalId) {
        return jdbc.sql("select * from scim_user where organisation_id = ? and external_id = ? and deprovisioned_at is null")
                .params(organisationId, externalId).query(ScimLinks::map).list();
    }

    List<ScimLink> list(UUID organisationId) {
        return jdbc.sql("select * from scim_user where organisation_id = ?").param(organisationId).query(ScimLinks::map).list();
    }

    void save(ScimLink link) {
        int updated = jdbc.sql("""
                update scim_user set user_name = ?, user_name_key = ?, external_id = ?, given_name = ?, family_name = ?,
                  deprovisioned_at = ?, updated_at = ? where organisation_id = ? and account_id = ?""")
                .params(link.userName(), key(link.userName()), link.externalId(), link.givenName(), link.familyName(),
                        timestamp(link), Timestamp.from(link.updatedAt()), link.organisationId(), link.accountId()).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into scim_user (account_id, organisation_id, user_name, user_name_key, external_id, given_name, family_name,
                      deprovisioned_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(link.accountId(), link.organisationId(), link.userName(), key(link.userName()), link.externalId(),
                            link.givenName(), link.familyName(), timestamp(link), Timestamp.from(link.updatedAt())).update();
        }
    }

    /** userName is case-insensitive (RFC 7643 §4.1.1), so it is matched in lower case. */
    static String key(String userName) {
        return userName.strip().toLowerCase(Locale.ROOT);
    }

    private static Timestamp timestamp(ScimLink link) {
        return link.deprovisionedAt() == null ? null : Timestamp.from(link.deprovisionedAt());
    }

    private static ScimLink map(ResultSet rs, int row) throws SQLException {
        Timestamp deprovisioned = rs.getTimestamp("deprovisioned_at");
        return new ScimLink(rs.getObject("account_id", UUID.class), rs.getObject("organisation_id", UUID.class), rs.getString("user_name"),
                rs.getString("external_id"), rs.getString("given_name"), rs.getString("family_name"),
                deprovisioned == null ? null : deprovisioned.toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
