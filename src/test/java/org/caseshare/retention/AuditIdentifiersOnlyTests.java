package org.caseshare.retention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Audit entries hold identifiers, never personal data, so erasure can remove a person while the
 * chain verifies. The journeys that take a person's name or free text (register records of each
 * kind, their checklists and closure, custody, incidents, hub packages with a file named after the
 * person, holds with the name in the reason, erasure refused and done, the register's export) are
 * driven with a recognisable name in every such field; then no audit entry of any action, in the
 * trail or waiting to be sequenced, may contain it. Every action name declared in the code is listed
 * from the source, and the ones these journeys produce must include every action of the modules that
 * take free text.
 */
abstract class AuditIdentifiersOnlyTests extends IntegrationTest {

    private static final String NAME = "Zebedee Quixote-Test";
    private static final Pattern ACTION = Pattern.compile("(?:AuditEvent\\.(?:success|failure)\\(|new AuditEvent\\(|event\\()\\s*\"([a-z]+(?:[.-][a-z]+)+)\"");

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
    @Value("${caseshare.data-dir}")
    String dataDir;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    /** Every audit action the code declares, read from the source: {@code AuditEvent.success("…")}, {@code new AuditEvent("…")}, {@code event("…")}. */
    static Set<String> declaredActions() throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = ACTION.matcher(Files.readString(file));
                while (m.find()) {
                    actions.add(m.group(1));
                }
            }
        }
        return actions;
    }

    @Test
    void noAuditEntryOfAnyActionHoldsThePersonsNameOrFreeText() throws Exception {
        RetentionScenes scenes = new RetentionScenes(fixtures, directory, register, dataSource, jdbc, dataDir);
        LinkedRecords records = new LinkedRecords(scenes, fixtures, directory, register, incidents, custody, packages, uploads, shredding, jdbc,
                clock);
        Council c = scenes.council();
        String reference = Fixtures.unique("ZQ");

        // The journeys: open and closed records of every kind, a closed share, a decision not to share, the export.
        records.linked(c, NAME, reference, false);
        records.linked(c, NAME, Fixtures.unique("ZQ"), true);
        UUID closed = scenes.closedShare(c, NAME, reference, "Notes on " + NAME);
        scenes.declined(c, NAME, reference, "Notes on " + NAME);
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());
        practitioner.post("/sharing/export.csv").andExpect(status().isOk());

        // Holds with the name in the reason, erasure refused, released, done; the certificate downloaded.
        retention.hold(c.dpoActor(), closed, "Complaint by " + NAME);
        UUID hold = retention.holdPerson(c.dpoActor(), null, NAME, "Claim by " + NAME);
        assertThat(retention.erase(c.dpoActor(), reference, null).refused()).isTrue();
        retention.releasePerson(c.dpoActor(), hold);
        retention.release(c.dpoActor(), closed);
        var erased = retention.erase(c.dpoActor(), null, NAME);
        assertThat(erased.deleted()).isGreaterThan(5);
        retention.certificateText(c.dpoActor(), erased.certificateId().orElseThrow());

        Set<String> seen = new TreeSet<>();
        for (AuditEntry entry : audit.latest(c.organisation().id(), 2000)) {
            seen.add(entry.action());
            assertThat(entry.target() + " " + entry.details() + " " + entry.actorId()).as(entry.action())
                    .doesNotContainIgnoringCase("Zebedee").doesNotContainIgnoringCase("Quixote").doesNotContainIgnoringCase(reference);
        }
        // Whatever the entries' shape, no column of the trail's tables (sequenced or pending) holds it either.
        assertThat(scenes.textColumnsContaining("Quixote")).as("columns with the name after erasure").isEmpty();

        Set<String> declared = declaredActions();
        assertThat(declared).as("the source scan finds the actions").contains("sharing.record-created", "retention.record-deleted",
                "hub.package.shredded", "incident.reported", "custody.taken");
        Set<String> freeTextModules = Set.of("sharing.", "incident.", "custody.", "retention.", "hub.package.");
        Set<String> expected = new TreeSet<>(List.of("sharing.record-created", "sharing.safeguard-confirmed", "sharing.shared",
                "sharing.receipt-confirmed", "sharing.closed", "sharing.declined", "sharing.register-exported", "incident.reported",
                "incident.decided", "custody.taken", "hub.package.created", "hub.package.sent", "hub.package.revoked",
                "hub.package.shredded", "retention.hold-set", "retention.hold-released", "retention.person-hold-set",
                "retention.person-hold-released", "retention.erasure-refused", "retention.certificate-issued", "retention.record-deleted",
                "retention.certificate-downloaded"));
        expected.retainAll(declared);
        assertThat(seen).as("the journeys produced these actions").containsAll(expected);
        Set<String> notDriven = new TreeSet<>(declared);
        notDriven.removeAll(seen);
        notDriven.removeIf(action -> freeTextModules.stream().noneMatch(action::startsWith));
        System.out.printf(Locale.ROOT, "Audit actions declared: %d; driven here: %d; not driven, of modules taking free text: %s%n",
                declared.size(), seen.size(), notDriven);
        assertThat(verification.verify(List.of()).ok()).isTrue();
    }
}
