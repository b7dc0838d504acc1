package org.caseshare.retention;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.caseshare.audit.AuditEntry;
import org.caseshare.audit.AuditTrail;
import org.caseshare.audit.AuditVerification;
import org.caseshare.custody.CustodyRegister;
import org.caseshare.directory.Directory;
import org.caseshare.exchange.PackageShredding;
import org.caseshare.exchange.PackageUploads;
import org.caseshare.exchange.Packages;
import org.caseshare.incident.IncidentRegister;
import org.caseshare.retention.RetentionScenes.Council;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.storage.BlobStore;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.TestClock;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Incidents, custody items and hub packages under retention, and holds on a person: each kind is
 * listed under its own rule and kept until a DPO approves; a hold on the record or on the person
 * stops it; deletion leaves no trace of the person in any table or blob, shreds a package's files,
 * and keeps a tombstone per record while the audit trail still verifies.
 */
abstract class RetentionKindsTests extends IntegrationTest {

    private static final Duration PAST_RETENTION = Duration.ofDays(6 * 366 + 2);

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;
    @Autowired
    SharingRegister register;
    @Autowired
    Retention retention;
    @Autowired
    AuditTrail audit;
    @Autowired
    AuditVerification verification;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    IncidentRegister incidents;
    @Autowired
    CustodyRegister custody;
    @Autowired
    Packages packages;
    @Autowired
    PackageUploads uploads;
    @Autowired
    PackageShredding shredding;
    @Autowired
    BlobStore blobs;
    @Value("${caseshare.data-dir}")
    String dataDir;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    RetentionScenes scenes() {
        return new RetentionScenes(fixtures, directory, register, dataSource, jdbc, dataDir);
    }

    LinkedRecords linkedRecords() {
        return new LinkedRecords(scenes(), fixtures, directory, register, incidents, custody, packages, uploads, shredding, jdbc, clock);
    }

    LinkedRecords.Linked linked(Council c, String name, String reference, boolean close) throws Exception {
        return linkedRecords().linked(c, name, reference, close);
    }

    private int count(String table, UUID id) {
        return jdbc.sql("select count(*) from " + table + " where id = ?").param(id).query(Integer.class).single();
    }

    @Test
    void incidentsCustodyItemsAndPackagesAreListedUnderTheirOwnRulesAndKeptUntilApproved() throws Exception {
        RetentionScenes scenes = scenes();
        Council c = scenes.council();
        String name = RetentionScenes.person();
        LinkedRecords.Linked l = linked(c, name, Fixtures.unique("K"), true);

        // Step 1: after 100 days only the package (90 days) is due; nothing is deleted by listing.
        clock.advance(Duration.ofDays(100));
        assertThat(retention.listDue(c.organisation().id())).isEqualTo(1);
        assertThat(retention.due(c.dpoActor(), 10)).extracting(RetentionStore.Due::recordId).containsExactly(l.pkg());
        assertThat(count("hub_package", l.pkg())).isOne();

        // Step 2: past six years the incident and the custody item are due too; the page shows each with its kind.
        clock.advance(PAST_RETENTION);
        assertThat(retention.listDue(c.organisation().id())).isEqualTo(2);
        Visitor dpo = fixtures.signIn(mvc, c.dpo());
        String page = dpo.get("/retention").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Incident", "Custody record", "Secure hub package", "/incidents/" + l.incident(), "/custody/" + l.item(),
                "/hub/packages/" + l.pkg());
        assertThat(count("incident", l.incident())).isOne();
        assertThat(count("custody_item", l.item())).isOne();

        // Step 3: a hold on the incident keeps it through "approve all"; the others go.
        retention.hold(c.dpoActor(), l.incident(), "ICO enquiry 2031-4");
        dpo.post("/retention/approve", "all", "true").andExpect(status().is3xxRedirection());
        assertThat(count("incident", l.incident())).isOne();
        assertThat(count("custody_item", l.item())).isZero();
        assertThat(count("hub_package", l.pkg())).isZero();
        assertThat(jdbc.sql("select count(*) from hub_file where package_id = ?").param(l.pkg()).query(Integer.class).single()).isZero();
        assertThat(blobs.exists(l.blobKey())).isFalse();

        // Step 4: released and approved, the incident goes too; the certificate lists it by id and kind.
        retention.release(c.dpoActor(), l.incident());
        String location = dpo.post("/retention/approve", "recordId", l.incident().toString()).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(count("incident", l.incident())).isZero();
        String certificate = location.substring(location.indexOf("certificate=") + "certificate=".length());
        assertThat(dpo.get("/retention/certificates/" + certificate).andReturn().getResponse().getContentAsString())
                .contains("INCIDENT: 1", l.incident().toString()).doesNotContain(name);

        // What stays: tombstones by kind, audit entries by id, a chain that verifies. The share itself is still open.
        assertThat(jdbc.sql("select record_kind, status, channel, recipient_kind from retention_tombstone where organisation_id = ? order by record_kind")
                .param(c.organisation().id()).query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getString(4))
                .list()).containsExactly("CUSTODY/DISPOSED/PAPER/null", "HUB_PACKAGE/REVOKED/SECURE_HUB/COUNCIL", "INCIDENT/DECIDED/null/null");
        assertThat(audit.latestWithAction("retention.record-deleted", 50)).extracting(AuditEntry::target)
                .contains("incident:" + l.incident(), "custody-item:" + l.item(), "hub-package:" + l.pkg());
        assertThat(scenes.blobFilesContaining(name)).isEmpty();
        assertThat(verification.verify(List.of()).ok()).isTrue();
    }

    @Test
    void erasureOfAPersonTakesTheirIncidentsCustodyItemsAndPackagesUnlessOneIsHeld() throws Exception {
        RetentionScenes scenes = scenes();
        Council c = scenes.council();
        String name = RetentionScenes.person();
        String reference = Fixtures.unique("ERA");
        LinkedRecords.Linked l = linked(c, name, reference, false);
        assertThat(scenes.textColumnsContaining(name)).as("before: the person is in the incident and custody tables")
                .anyMatch(column -> column.toLowerCase().startsWith("incident."))
                .anyMatch(column -> column.toLowerCase().startsWith("custody_item."));

        retention.hold(c.dpoActor(), l.item(), "Police investigation");
        Retention.Erasure refused = retention.erase(c.dpoActor(), reference, null);
        assertThat(refused.refused()).isTrue();
        assertThat(refused.refusedByHolds()).containsEntry(l.item(), "Police investigation");
        assertThat(count("incident", l.incident())).isOne();

        retention.release(c.dpoActor(), l.item());
        Retention.Erasure erased = retention.erase(c.dpoActor(), reference, null);

        assertThat(erased.deleted()).as("two shares, the package, the custody item and the incident").isEqualTo(5);
        assertThat(count("incident", l.incident())).isZero();
        assertThat(count("custody_item", l.item())).isZero();
        assertThat(count("hub_package", l.pkg())).isZero();
        assertThat(blobs.exists(l.blobKey())).isFalse();
        assertThat(scenes.textColumnsContaining(name)).isEmpty();
        assertThat(scenes.textColumnsContaining(reference)).isEmpty();
        assertThat(scenes.blobFilesContaining(name)).isEmpty();
        for (AuditEntry entry : audit.latest(c.organisation().id(), 500)) {
            assertThat(String.valueOf(entry.details()) + entry.target()).as(entry.action()).doesNotContainIgnoringCase(name)
                    .doesNotContainIgnoringCase(reference);
        }
        assertThat(verification.verify(List.of()).ok()).isTrue();
    }

    @Test
    void aHoldOnAPersonStopsListingDeletionAndErasureOfAllTheirRecordsEvenLaterOnes() throws Exception {
        RetentionScenes scenes = scenes();
        Council c = scenes.council();
        String name = RetentionScenes.person();
        UUID share = scenes.closedShare(c, name, Fixtures.unique("P"), "Attendance");
        clock.advance(PAST_RETENTION);
        assertThat(retention.listDue(c.organisation().id())).isEqualTo(1);
        Visitor dpo = fixtures.signIn(mvc, c.dpo());

        // Step 1: the hold is placed by exact name, in a POST body; the redirect and the audit entry name only its id.
        dpo.post("/retention/person-hold", "personName", name, "personReason", "").andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter why the person")));
        String location = dpo.post("/retention/person-hold", "personName", name, "personReason", "Tribunal claim 2032-9")
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).doesNotContain(name.split(" ")[1]);
        String page = dpo.get("/retention").andReturn().getResponse().getContentAsString();
        assertThat(page).contains("People on hold", "Tribunal claim 2032-9", "hold on a person: Tribunal claim 2032-9");

        // Step 2: a record about the person made after the hold is never listed; neither approval nor erasure deletes any.
        UUID later = scenes.declined(c, name, Fixtures.unique("P"), "Attendance");
        clock.advance(PAST_RETENTION);
        assertThat(retention.listDue(c.organisation().id())).isZero();
        dpo = fixtures.signIn(mvc, c.dpo());
        dpo.post("/retention/approve", "all", "true").andExpect(status().is3xxRedirection());
        retention.approve(c.dpoActor(), List.of(share), false);
        assertThat(scenes.exists(c, share)).isTrue();
        dpo.post("/retention/erasure", "name", name).andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing was erased: a legal hold stops it")))
                .andExpect(content().string(containsString("Tribunal claim 2032-9")));
        assertThat(scenes.exists(c, later)).isTrue();

        // Step 3: released (audited by the hold's id), erasure takes both records, and the hold's copy of the name goes too.
        UUID hold = retention.personHolds(c.dpoActor()).get(0).id();
        dpo.post("/retention/person-hold/release", "holdId", hold.toString()).andExpect(status().is3xxRedirection());
        dpo.post("/retention/erasure", "name", name).andExpect(status().is3xxRedirection());
        assertThat(scenes.exists(c, share)).isFalse();
        assertThat(scenes.exists(c, later)).isFalse();
        assertThat(scenes.textColumnsContaining(name)).isEmpty();
        assertThat(audit.latest(c.organisation().id(), 100)).extracting(AuditEntry::target)
                .contains("retention-person-hold:" + hold);
        assertThat(audit.latest(c.organisation().id(), 100)).extracting(AuditEntry::action)
                .contains("retention.person-hold-set", "retention.person-hold-released");
    }
}
