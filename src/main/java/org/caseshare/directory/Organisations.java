package org.caseshare.directory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The organisations table; other modules reach it through {@link Directory}. */
@Repository
class Organisations {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Organisations(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a tenant; a duplicate name raises {@link DuplicateOrganisationException}. */
    @Transactional
    Organisation createTenant(String name, OrganisationKind kind, String actor) {
        Organisation organisation = new Organisation(UUID.randomUUID(), name, kind, true, clock.instant());
        if (findByName(organisation.name()).isPresent()) {
            throw new DuplicateOrganisationException(organisation.name());
        }
        jdbc.sql("insert into organisation (id, name, kind, tenant, created_at) values (?, ?, ?, ?, ?)")
                .params(organisation.id(), organisation.name(), kind.name(), true, java.sql.Timestamp.from(organisation.createdAt()))
                .update();
        audit.record(AuditEvent.success("organisation.created", actor, organisation.id(), "organisation:" + organisation.id())
                .with("kind", kind.name()));
        return organisation;
    }

    Optional<Organisation> findById(UUID id) {
        return jdbc.sql("select * from organisation where id = ?").param(id).query(Organisations::map).optional();
    }

    Optional<Organisation> findByName(String name) {
        return jdbc.sql("select * from organisation where lower(name) = lower(?)").param(name.strip())
                .query(Organisations::map).optional();
    }

    List<Organisation> findAll() {
        return jdbc.sql("select * from organisation order by name").query(Organisations::map).list();
    }

    private static Organisation map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Organisation(rs.getObject("id", UUID.class), rs.getString("name"),
                OrganisationKind.valueOf(rs.getString("kind")), rs.getBoolean("tenant"),
                rs.getTimestamp("created_at").toInstant());
    }
}
