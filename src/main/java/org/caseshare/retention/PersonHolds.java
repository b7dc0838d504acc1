package org.caseshare.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Legal holds on a person. A hold names the person as the erasure search finds them (case
 * reference, else name) and so covers every record found that way whenever it is asked, including
 * records made after the hold was placed. Every query names the organisation.
 */
@Repository
class PersonHolds {

    /** A hold on a person; {@code reference} and {@code name} as the DPO typed them, one of them blank. */
    record PersonHold(UUID id, String reference, String name, String reason, Instant setAt) {
        /** How the page names the person. */
        public String person() {
            return reference != null && !reference.isBlank() ? "Case reference " + reference : name;
        }
    }

    private final JdbcClient jdbc;
    private final RecordKinds kinds;

    PersonHolds(JdbcClient jdbc, RecordKinds kinds) {
        this.jdbc = jdbc;
        this.kinds = kinds;
    }

    void place(UUID id, UUID organisationId, String reference, String name, String reason, UUID by, Instant at) {
        jdbc.sql("insert into retention_person_hold (id, organisation_id, reference, name, reason, set_by, set_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, organisationId, reference, name, reason, by, Timestamp.from(at)).update();
    }

    /** Removes the hold, and with it the only copy of the name it held; false if there was none. */
    boolean release(UUID organisationId, UUID id) {
        return jdbc.sql("delete from retention_person_hold where organisation_id = ? and id = ?").params(organisationId, id).update() > 0;
    }

    List<PersonHold> list(UUID organisationId) {
        return jdbc.sql("select * from retention_person_hold where organisation_id = ? order by set_at, id").param(organisationId)
                .query((rs, n) -> new PersonHold(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getString("name"),
                        rs.getString("reason"), rs.getTimestamp("set_at").toInstant()))
                .list();
    }

    /** Every record a hold on a person covers today, with the hold's reason. */
    Map<UUID, String> covered(UUID organisationId) {
        Map<UUID, String> covered = new HashMap<>();
        for (PersonHold hold : list(organisationId)) {
            String reason = "hold on a person: " + hold.reason();
            kinds.about(organisationId, blankToNull(hold.reference()), blankToNull(hold.name()))
                    .forEach(target -> covered.putIfAbsent(target.id(), reason));
        }
        return covered;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
