package org.caseshare.sharing;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.directory.Switchboard;
import org.caseshare.directory.TelephoneNumber;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.TestClock;
import org.caseshare.support.Visitor;
import org.caseshare.system.Actor;
import org.caseshare.system.Dates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every record gets a readable reference (CS-2026-00123) that people can quote and search by: dense
 * per organisation and year, even when many are made at once; shown once in a confirmation panel when
 * the share is recorded, and on the record and in the register always.
 */
abstract class SharingReferencesTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;
    @Autowired
    SharingRegister register;
    @Autowired
    TestClock clock;

    record Council(Organisation organisation, Account practitioner, DirectoryEntry health) {
    }

    Council council() {
        Organisation council = fixtures.organisation("Council");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        Actor caller = new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN));
        DirectoryEntry health = directory.addEntry(caller, "Wessex Health Trust", OrganisationKind.HEALTH,
                List.of(new Switchboard(TelephoneNumber.parse("0118 974 6000"), null)));
        directory.markVerified(caller, health.id(), health.switchboards().get(0).id());
        return new Council(council, fixtures.person(council, Role.PRACTITIONER), health);
    }

    private String year() {
        return Integer.toString(Year.from(clock.instant().atZone(Dates.UK)).getValue());
    }

    @Test
    void twentyRecordsMadeAtOnceGetDistinctDenseReferences() throws Exception {
        Council c = council();
        Account practitioner = c.practitioner();
        CountDownLatch start = new CountDownLatch(1);
        // Eight writers at once for twenty records. In the full suite's shared context they twice held
        // every pooled connection past 30 s (issue #15): first each paused for a sequencer behind on the
        // audit trail with its connection still taken (the pause now waits until the connection is back,
        // see AuditBacklogPoolTests); then each read a record outside a transaction, and mapping its row
        // took a second connection for the subjects while the first was held (reads are now read-only
        // transactions, SharingRecords). With a pool of 3 and these eight writers it now passes.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<UUID>> made = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Callable<UUID> one = () -> {
                    start.await();
                    return fixtures.hubShare(practitioner, c.health(), "jo@school.example");
                };
                made.add(pool.submit(one));
            }
            start.countDown();
            List<String> references = new ArrayList<>();
            for (Future<UUID> f : made) {
                references.add(register.get(c.organisation().id(), f.get()).reference());
            }
            List<String> expected = IntStream.rangeClosed(1, 20).mapToObj(n -> References.format(Integer.parseInt(year()), n)).toList();
            assertThat(references).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eachOrganisationCountsFromOne() {
        Council first = council();
        fixtures.hubShare(first.practitioner(), first.health(), "jo@school.example");
        UUID second = fixtures.hubShare(first.practitioner(), first.health(), "jo@school.example");
        Organisation other = fixtures.organisation("Other council");
        Account elsewhere = fixtures.person(other, Role.PRACTITIONER);
        UUID theirs = fixtures.hubShare(elsewhere, null, "jo@school.example");

        assertThat(register.get(first.organisation().id(), second).reference()).isEqualTo("CS-" + year() + "-00002");
        assertThat(register.get(other.id(), theirs).reference()).isEqualTo("CS-" + year() + "-00001");
        assertThat(References.format(2026, 123)).isEqualTo("CS-2026-00123");
    }

    @Test
    void sharingShowsAConfirmationPanelWithTheReferenceOnceAndTheRegisterFindsIt() throws Exception {
        Council c = council();
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());
        UUID id = SharingJourneyTests.idFrom(practitioner.post("/sharing/new", SharingJourneyTests.share(UUID.randomUUID().toString(), c.health())));
        SharingRecord record = register.get(c.organisation().id(), id);
        String reference = record.reference();
        assertThat(reference).matches("CS-\\d{4}-\\d{5}");

        practitioner.post("/sharing/" + id + "/checklist", SharingJourneyTests.checklist(record, "share"));
        practitioner.get("/sharing/" + id).andExpect(content().string(allOf(containsString("id=\"shared-panel\""),
                containsString("Recorded as shared"), containsString(">" + reference + "<"), containsString("What happens next"))));
        practitioner.get("/sharing/" + id).andExpect(content().string(allOf(not(containsString("shared-panel")),
                containsString("id=\"reference\">" + reference + "<"))));

        practitioner.post("/sharing", "person", reference.toLowerCase()).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("1 record"), containsString(">" + reference + "</a>"))));
        practitioner.post("/sharing", "person", "CS-1999-00001").andExpect(content().string(containsString("0 records")));
    }
}
