package org.caseshare.sharing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V37 fills the totals from the records and tombstones an installation already holds: by the UTC day
 * each record was made whatever the database session's zone (here London, an hour ahead in summer),
 * each recipient organisation under its case-blind key with its alphabetically first spelling, the
 * deleted register records from their tombstones and no other kind's.
 */
class RegisterTotalsBackfillTests {

    private static final String URL = "jdbc:h2:mem:v37-backfill;DB_CLOSE_DELAY=-1;TIME ZONE=Europe/London";
    private static final String ORGANISATION = "00000000-0000-0000-0000-000000000001";

    @Test
    void theMigrationCountsExistingRecordsAndTombstonesByTheirUtcDay() throws SQLException {
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration", "classpath:db/h2").target("35").load().migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            s.execute("insert into organisation (id, name, kind, tenant, created_at) values ('" + ORGANISATION + "', 'A', 'COUNCIL', true, now())");
            record(c, "2026-06-30 23:30:00+00", "READY", "TELEPHONE", "PUBLIC_TASK", "Wessex Trust");
            record(c, "2026-06-30 22:00:00+00", "CLOSED", "POST", null, "wessex trust");
            record(c, "2026-07-01 00:30:00+00", "SHARED", "POST", "CONSENT", "Police");
            s.execute("insert into retention_certificate (id, organisation_id, reason, issued_by, issued_at, record_count)"
                    + " values ('00000000-0000-0000-0000-0000000000c1', '" + ORGANISATION + "', 'SCHEDULE', null, now(), 2)");
            s.execute("insert into retention_tombstone (record_id, organisation_id, certificate_id, record_kind, direction, decision, status,"
                    + " channel, marking, urgency, recipient_kind, created_at, deleted_at, lawful_basis) values (random_uuid(), '" + ORGANISATION
                    + "', '00000000-0000-0000-0000-0000000000c1', 'SHARE', 'WE_SHARE', 'SHARE', 'CLOSED', 'POST', 'OFFICIAL', 'ROUTINE',"
                    + " 'SCHOOL', timestamp with time zone '2026-06-30 23:45:00+00', now(), 'PUBLIC_TASK')");
            s.execute("insert into retention_tombstone (record_id, organisation_id, certificate_id, record_kind, status, created_at, deleted_at)"
                    + " values (random_uuid(), '" + ORGANISATION + "', '00000000-0000-0000-0000-0000000000c1', 'INCIDENT', 'CLOSED',"
                    + " timestamp with time zone '2026-06-30 12:00:00+00', now())");
        }
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration", "classpath:db/h2").load().migrate();

        assertThat(rows("D", "2026-06-30")).containsExactlyInAnyOrder(
                "CHANNEL POST 1 1", "CHANNEL TELEPHONE 1 0", "DIRECTION WE_SHARE 2 1", "LAWFUL_BASIS NONE 1 0",
                "LAWFUL_BASIS PUBLIC_TASK 1 1", "MARKING OFFICIAL 2 1", "RECIPIENT_ORGANISATION wessex trust 2 0 Wessex Trust",
                "RECIPIENT_TYPE NONE 2 0", "RECIPIENT_TYPE SCHOOL 0 1", "STATUS CLOSED 1 1", "STATUS READY 1 0");
        assertThat(rows("D", "2026-07-01")).contains("STATUS SHARED 1 0", "RECIPIENT_ORGANISATION police 1 0 Police");
        assertThat(rows("M", "2026-06-01")).contains("DIRECTION WE_SHARE 2 1", "STATUS CLOSED 1 1");
        assertThat(rows("M", "2026-07-01")).contains("DIRECTION WE_SHARE 1 0");
    }

    private static void record(Connection c, String createdAt, String status, String channel, String lawfulBasis, String recipient)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into sharing_record (id, organisation_id, version, form_token, direction, status,"
                + " urgency, marking, categories, channel, decision, information, purpose, details, recipient_organisation, recipient_org_key,"
                + " recipient_name, required_safeguards, decided_by, decided_by_name, policy_version, policy_sha256, assessment_summary,"
                + " created_by, created_at, updated_at, lawful_basis) values (random_uuid(), '" + ORGANISATION + "', 1, random_uuid(),"
                + " 'WE_SHARE', ?, 'ROUTINE', 'OFFICIAL', 'PERSONAL', ?, 'SHARE', 'x', 'x', '{}', ?, ?, 'x', '', random_uuid(), 'x', 1,"
                + " repeat('0', 64), 'x', random_uuid(), cast(? as timestamp with time zone), now(), ?)")) {
            p.setString(1, status);
            p.setString(2, channel);
            p.setString(3, recipient);
            p.setString(4, recipient.toLowerCase(Locale.ROOT));
            p.setString(5, createdAt);
            p.setString(6, lawfulBasis);
            p.executeUpdate();
        }
    }

    /** One span's rows of one start, the shards summed: "COUNTED value held deleted [label]". */
    private static List<String> rows(String span, String starts) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select counted, counted_value, sum(held), sum(deleted), min(label) from register_total"
                        + " where span = '" + span + "' and starts = date '" + starts + "' group by counted, counted_value")) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getLong(3) + " " + r.getLong(4)
                        + (r.getString(5) == null ? "" : " " + r.getString(5)));
            }
        }
        return rows;
    }
}
