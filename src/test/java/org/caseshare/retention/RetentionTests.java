package org.caseshare.retention;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.caseshare.audit.AuditEntry;
import org.caseshare.audit.AuditTrail;
import org.caseshare.audit.AuditVerification;
import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.identity.Account;
import org.caseshare.retention.RetentionScenes.Council;
import org.caseshare.identity.Role;
import org.caseshare.exchange.NewPackage;
import org.caseshare.exchange.PackageUploads;
import org.caseshare.exchange.Packages;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.TestClock;
import org.caseshare.support.Visitor;
import org.caseshare.storage.BlobStore;
import org.caseshare.system.Actor;
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
 * Retention and erasure, end to end: what is due is listed and kept until a DPO approves; a legal
 * hold stops deletion and erasure with its reason; after deletion nothing of the person is left in
 * any table, the blob store or the register's CSV, while the audit trail verifies and tombstones
 * keep the statistics.
 */
abstract class RetentionTests extends IntegrationTest {

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
    @Value("${caseshare.data-dir}")
    String dataDir;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    RetentionScenes scenes() {
        return new RetentionScenes(fixtures, directory, register, dataSource, jdbc, dataDir);
    }

    Council council() {
        return scenes().council();
    }

    static String person() {
        return RetentionScenes.person();
    }

    static Actor actor(Account account) {
        return RetentionScenes.actor(account);
    }

    UUID closedShare(Council c, String name, String reference, String information) {
        return scenes().closedShare(c, name, reference, information);
    }

    UUID declined(Council c, String name, String reference, String information) {
        return scenes().declined(c, name, reference, information);
    }

    UUID recordDecision(Council c, String name, String reference, String information, String decision, DirectoryEntry to, String email) {
        return scenes().recordDecision(c, name, reference, information, decision, to, email);
    }

    boolean exists(Council c, UUID id) {
        return scenes().exists(c, id);
    }

    List<String> textColumnsContaining(String text) throws Exception {
        return scenes().textColumnsContaining(text);
    }

    List<Path> blobFilesContaining(String text) throws Exception {
        return scenes().blobFilesContaining(text);
    }

    @Test
    void dueRecordsAreListedButKeptUntilTheDpoApproves() throws Exception {
        Council c = council();
        UUID share = closedShare(c, person(), Fixtures.unique("C"), "Attendance summary");
        UUID notShared = declined(c, person(), Fixtures.unique("C"), "Attendance summary");
        clock.advance(PAST_RETENTION);
        UUID recent = declined(c, person(), Fixtures.unique("C"), "Attendance summary");

        assertThat(retention.listDue(c.organisation().id())).isEqualTo(2);
        assertThat(retention.listDue(c.organisation().id())).as("listing again adds nothing").isZero();
        assertThat(exists(c, share)).isTrue();
        assertThat(exists(c, notShared)).isTrue();

        Visitor dpo = fixtures.signIn(mvc, c.dpo());
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());
        practitioner.get("/retention").andExpect(status().isForbidden());
        String page = dpo.get("/retention").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("2 records due", share.toString(), notShared.toString(), "Decision not to share").doesNotContain(recent.toString());

        dpo.post("/retention/approve").andExpect(status().isOk()).andExpect(content().string(containsString("Select the records to delete")));
        assertThat(exists(c, share)).isTrue();

        String location = dpo.post("/retention/approve", "recordId", share.toString()).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(exists(c, share)).isFalse();
        assertThat(exists(c, notShared)).as("only the selected record goes").isTrue();
        UUID certificate = UUID.fromString(location.substring(location.indexOf("certificate=") + "certificate=".length()));

        String text = dpo.get("/retention/certificates/" + certificate).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/plain")).andReturn().getResponse().getContentAsString();
        assertThat(text).contains("Records deleted: 1", share.toString(), "SHARE: 1", "SECURE_HUB").doesNotContain(notShared.toString());

        dpo.post("/retention/approve", "all", "true").andExpect(status().is3xxRedirection());
        assertThat(exists(c, notShared)).isFalse();
        assertThat(exists(c, recent)).as("not yet due").isTrue();
        assertThat(audit.latestWithAction("retention.record-deleted", 50)).extracting(AuditEntry::target)
                .contains("sharing-record:" + share, "sharing-record:" + notShared);
    }

    @Test
    void aLegalHoldStopsDeletionAndErasureAndSaysWhy() throws Exception {
        Council c = council();
        String reference = Fixtures.unique("C");
        UUID held = closedShare(c, person(), reference, "Attendance summary");
        clock.advance(PAST_RETENTION);
        retention.listDue(c.organisation().id());
        Visitor dpo = fixtures.signIn(mvc, c.dpo());

        dpo.post("/retention/hold", "recordId", held.toString(), "reason", "").andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter why the record is on hold")));
        dpo.post("/retention/hold", "recordId", UUID.randomUUID().toString(), "reason", "Complaint 2031-17")
                .andExpect(content().string(containsString("Your organisation has no record with that id")));
        dpo.post("/retention/hold", "recordId", held.toString(), "reason", "Complaint 2031-17 to the ombudsman")
                .andExpect(status().is3xxRedirection());

        dpo.get("/retention").andExpect(content().string(containsString("Complaint 2031-17 to the ombudsman")));
        dpo.post("/retention/approve", "all", "true").andExpect(status().is3xxRedirection());
        retention.approve(c.dpoActor(), List.of(held), false);
        assertThat(exists(c, held)).as("held records survive approval").isTrue();

        dpo.post("/retention/erasure", "reference", reference).andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing was erased: a legal hold stops it")))
                .andExpect(content().string(containsString("Complaint 2031-17 to the ombudsman")));
        assertThat(exists(c, held)).isTrue();

        dpo.post("/retention/release", "recordId", held.toString()).andExpect(status().is3xxRedirection());
        dpo.post("/retention/erasure", "reference", reference).andExpect(status().is3xxRedirection());
        assertThat(exists(c, held)).isFalse();
        assertThat(audit.latestWithAction("retention.hold-set", 20)).extracting(AuditEntry::target).contains("sharing-record:" + held);
    }

    @Test
    void afterErasureNothingOfThePersonRemainsButTheTrailVerifiesAndTombstonesKeepTheCounts() throws Exception {
        Council c = council();
        String name = person();
        String reference = Fixtures.unique("REF");
        String information = "Notes on " + name + " at 12 Laburnum Grove";
        UUID share = closedShare(c, name, reference, information);
        UUID notShared = declined(c, name, reference, information);
        Visitor dpo = fixtures.signIn(mvc, c.dpo());
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());

        // Before: the register holds the person (so the scans below can find a trace), the audit trail never does.
        assertThat(textColumnsContaining(name)).isNotEmpty();
        assertThat(practitioner.post("/sharing/export.csv").andReturn().getResponse().getContentAsString()).contains(name);
        List<AuditEntry> entries = audit.latest(c.organisation().id(), 500);
        assertThat(entries).extracting(AuditEntry::action).contains("sharing.record-created", "sharing.shared", "sharing.declined",
                "sharing.receipt-confirmed", "sharing.closed", "sharing.safeguard-confirmed", "sharing.register-exported");
        for (AuditEntry entry : entries) {
            assertThat(String.valueOf(entry.details()) + entry.target()).as(entry.action())
                    .doesNotContainIgnoringCase(name).doesNotContainIgnoringCase("Laburnum").doesNotContainIgnoringCase(reference)
                    .doesNotContainIgnoringCase("Jo Teacher");
        }

        String location = dpo.post("/retention/erasure", "reference", reference).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        UUID certificate = UUID.fromString(location.substring(location.indexOf("certificate=") + "certificate=".length()));

        assertThat(exists(c, share)).isFalse();
        assertThat(exists(c, notShared)).isFalse();
        assertThat(textColumnsContaining(name)).as("tables with the name").isEmpty();
        assertThat(textColumnsContaining("Laburnum")).as("tables with the free text").isEmpty();
        assertThat(textColumnsContaining(reference)).as("tables with the reference").isEmpty();
        assertThat(blobFilesContaining(name)).isEmpty();
        assertThat(practitioner.post("/sharing/export.csv").andReturn().getResponse().getContentAsString()).doesNotContain(name);
        String text = dpo.get("/retention/certificates/" + certificate).andReturn().getResponse().getContentAsString();
        assertThat(text).contains("erasure on request", "Records deleted: 2", share.toString(), notShared.toString()).doesNotContain(name);

        // Audit entries about the erasure hold identifiers only; the chain still verifies.
        for (AuditEntry entry : audit.latest(c.organisation().id(), 500)) {
            assertThat(String.valueOf(entry.details()) + entry.target()).as(entry.action()).doesNotContainIgnoringCase(name)
                    .doesNotContainIgnoringCase(reference);
        }
        assertThat(audit.latest(c.organisation().id(), 500)).extracting(AuditEntry::action)
                .contains("retention.certificate-issued", "retention.record-deleted", "retention.certificate-downloaded");
        assertThat(verification.verify(List.of()).ok()).isTrue();

        // Tombstones keep what statistics need.
        assertThat(jdbc.sql("select record_kind, channel, marking, recipient_kind from retention_tombstone where organisation_id = ? order by record_kind")
                .param(c.organisation().id()).query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getString(4)).list())
                .containsExactly("DECISION_NOT_TO_SHARE/SECURE_HUB/OFFICIAL/SCHOOL", "SHARE/SECURE_HUB/OFFICIAL/SCHOOL");
    }

    /** The envelope labels the post channel keeps for a record (written here as PostChannel writes them) go with the record. */
    @Test
    void erasureTakesWhatTheChannelsKeptAboutTheRecord() throws Exception {
        Council c = council();
        String name = person();
        String reference = Fixtures.unique("POST");
        UUID id = declined(c, name, reference, "Letter");
        jdbc.sql("insert into channel_post_dispatch (sharing_record_id, organisation_id, recipient_name, job_title, department, organisation_name,"
                        + " address_lines, return_organisation, return_address_lines, tracking_reference, created_by, updated_at)"
                        + " values (?, ?, ?, null, 'Year 6', 'Oakfield Primary', ?, 'Council', '1 Town Hall', null, ?, current_timestamp)")
                .params(id, c.organisation().id(), "For " + name, "12 Laburnum Grove\nRG1 5AN", c.practitioner().id()).update();

        assertThat(retention.erase(c.dpoActor(), reference, null).deleted()).isEqualTo(1);

        assertThat(jdbc.sql("select count(*) from channel_post_dispatch where sharing_record_id = ?").param(id).query(Integer.class).single()).isZero();
        assertThat(textColumnsContaining(name)).isEmpty();
    }

    @Test
    void automaticDeletionNeedsNoApprovalButStillSparesHolds() {
        Council c = council();
        UUID held = declined(c, person(), Fixtures.unique("C"), "Attendance");
        UUID free = declined(c, person(), Fixtures.unique("C"), "Attendance");
        retention.hold(c.dpoActor(), held, "Subject access request open");
        // The organisation chose automatic deletion for decisions not to share.
        automaticForDecisionsNotToShare(c);
        clock.advance(PAST_RETENTION);

        retention.listDue(c.organisation().id());

        assertThat(exists(c, free)).isFalse();
        assertThat(exists(c, held)).isTrue();
    }

    @Autowired
    org.caseshare.decision.PolicyVersions policies;
    @Autowired
    Packages packages;
    @Autowired
    PackageUploads uploads;
    @Autowired
    BlobStore blobs;

    @Test
    void erasureShredsTheHubPackagesSentUnderTheRecordAndDeletesTheirBlobs() throws Exception {
        Council c = council();
        Organisation school = fixtures.organisation("School");
        Account partner = fixtures.person(school, Role.PARTNER);
        Account admin = fixtures.person(c.organisation(), Role.ORGANISATION_ADMIN);
        DirectoryEntry entry = directory.addEntry(actor(admin), school.name(), OrganisationKind.SCHOOL);
        String name = person();
        String reference = Fixtures.unique("HUB");
        UUID id = recordDecision(c, name, reference, "Plan for " + name, "SHARE", entry, partner.email());
        var record = register.get(c.organisation().id(), id);
        register.completeChecklist(c.practitionerActor(), id, record.version(), null, record.policy().requiredSafeguards(), false);
        UUID pkg = packages.create(c.practitionerActor(), new NewPackage(null, List.of(partner.email()), null, null, "None", 7, 3, id));
        byte[] file = ("About " + name).getBytes(StandardCharsets.UTF_8);
        uploads.addFile(c.practitionerActor(), pkg, "notes.txt", new ByteArrayInputStream(file), file.length);
        packages.send(c.practitionerActor(), pkg, false);
        String blobKey = jdbc.sql("select blob_key from hub_file where package_id = ?").param(pkg).query(String.class).single();
        assertThat(blobs.exists(blobKey)).isTrue();
        assertThat(textColumnsContaining(name)).as("the package carries the record's purpose").anyMatch(column -> column.toLowerCase(Locale.ROOT).startsWith("hub_package."));

        Retention.Erasure erased = retention.erase(c.dpoActor(), reference, null);

        assertThat(erased.deleted()).as("the record and the package sent under it").isEqualTo(2);
        assertThat(blobs.exists(blobKey)).isFalse();
        assertThat(jdbc.sql("select count(*) from hub_file where package_id = ? and wrapped_key is not null").param(pkg).query(Integer.class).single()).isZero();
        assertThat(textColumnsContaining(name)).isEmpty();
        assertThat(textColumnsContaining(reference)).isEmpty();
    }

    private void automaticForDecisionsNotToShare(Council c) {
        String text = policies.draft(c.organisation().id())
                .replace("decision-not-to-share:  {keep-for: 6 years, deletion: approval}", "decision-not-to-share:  {keep-for: 6 years, deletion: automatic}");
        assertThat(text).contains("deletion: automatic");
        policies.replace(c.organisation().id(), text, org.caseshare.decision.PolicySource.EDITED, c.dpo().id()).accepted().orElseThrow();
    }
}
