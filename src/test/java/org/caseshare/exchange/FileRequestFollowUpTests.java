package org.caseshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.caseshare.audit.AuditEntry;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.mail.Outbox;
import org.caseshare.sharing.SharingRecord;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.sharing.Status;
import org.caseshare.support.SettledOutbox;
import org.caseshare.support.TestClock;
import org.caseshare.support.Visitor;
import org.caseshare.system.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * What follows a request for files: an overdue request reminds the named person and tells the
 * requester, once, without personal data (never when fulfilled or cancelled, and once even with two
 * sweeps at the same moment); "Overdue" shows on the lists and the page; a request made under a
 * "request made" sharing record marks the request as made on the record, and the requester's first
 * download of the answer confirms receipt on it.
 */
abstract class FileRequestFollowUpTests extends FileRequestsFixture {

    @Autowired
    FileRequests requests;
    @Autowired
    FileRequestReminders reminders;
    @Autowired
    Packages packages;
    @Autowired
    PackageUploads uploads;
    @Autowired
    SharingRegister register;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Actor caller(Account account, Role role) {
        return new Actor(account.id(), account.organisationId(), account.displayName(), Set.of(role.name()));
    }

    UUID ask(String what) {
        return requests.create(caller(practitioner, Role.PRACTITIONER), new NewFileRequest(schoolEntry.id(), teacher.email(), what,
                "Child protection conference", FileRequests.today(clock).plusDays(1).toString(), null));
    }

    /** The teacher answers: a package back to the requester with one file, sent. */
    UUID answer(UUID requestId, byte[] content) {
        Actor partner = caller(teacher, Role.PARTNER);
        UUID packageId = requests.fulfil(partner, requestId);
        uploads.addFile(partner, packageId, "answer.txt", new ByteArrayInputStream(content), content.length);
        packages.send(partner, packageId, false);
        return packageId;
    }

    List<Outbox.OutboxMessage> reminders(UUID requestId) {
        return outbox.list().stream().filter(m -> m.body().contains("/hub/requests/" + requestId)
                && (m.body().contains("passed the date") || m.body().contains("by the date you gave"))).toList();
    }

    List<AuditEntry> reminded(UUID requestId) {
        return audit.latestWithAction("hub.request.overdue-reminded", 1000).stream().filter(e -> e.target().equals("hub-request:" + requestId))
                .toList();
    }

    @Test
    void anOverdueRequestRemindsOnceWithoutPersonalDataAndNeverWhenFulfilledOrCancelled() throws Exception {
        UUID open = ask("Attendance record for this term");
        UUID fulfilled = ask("Behaviour log");
        UUID cancelled = ask("Care plan");
        answer(fulfilled, "Behaviour log".getBytes(StandardCharsets.UTF_8));
        requests.cancel(caller(practitioner, Role.PRACTITIONER), cancelled);
        assertThat(fixtures.signIn(mvc, practitioner).get("/hub").andReturn().getResponse().getContentAsString()).doesNotContain("Overdue");

        reminders.sweep();
        assertThat(reminders(open)).as("not due yet").isEmpty();

        clock.advance(Duration.ofDays(3));
        reminders.sweep();
        reminders.sweep();
        assertThat(reminders(open)).hasSize(2).allSatisfy(m -> {
            assertThat(m.subject()).isEqualTo("Private and Confidential");
            assertThat(m.subject() + m.body()).doesNotContain("Attendance", "Child protection", practitioner.displayName(),
                    teacher.displayName(), school.name(), council.name());
        });
        assertThat(reminders(open)).extracting(Outbox.OutboxMessage::to).containsExactlyInAnyOrder(teacher.email(), practitioner.email());
        assertThat(reminders(fulfilled)).isEmpty();
        assertThat(reminders(cancelled)).isEmpty();
        assertThat(reminded(open)).singleElement().satisfies(e -> {
            assertThat(e.actorId()).isEqualTo("system");
            assertThat(e.organisationId()).isEqualTo(council.id());
        });
        assertThat(reminded(fulfilled)).isEmpty();
        assertThat(reminded(cancelled)).isEmpty();

        // "Overdue" on both people's lists and on the page; not on the answered or cancelled ones (signed in after the clock moved)
        Visitor requester = fixtures.signIn(mvc, practitioner);
        Visitor partner = fixtures.signIn(mvc, teacher);
        assertThat(requester.get("/hub").andReturn().getResponse().getContentAsString()).contains("Overdue");
        assertThat(partner.get("/hub").andReturn().getResponse().getContentAsString()).contains("Overdue");
        assertThat(requester.get("/hub/requests/" + open).andReturn().getResponse().getContentAsString()).contains("id=\"overdue-warning\"");
        assertThat(partner.get("/hub/requests/" + open).andReturn().getResponse().getContentAsString()).contains("id=\"overdue-warning\"",
                "Upload them as soon as you can");
        for (UUID done : List.of(fulfilled, cancelled)) {
            assertThat(requester.get("/hub/requests/" + done).andReturn().getResponse().getContentAsString()).doesNotContain("Overdue");
            assertThat(requests.get(caller(practitioner, Role.PRACTITIONER), done).overdue()).isFalse();
        }
        assertThat(requests.get(caller(practitioner, Role.PRACTITIONER), open).overdue()).isTrue();
        String token = fixtures.token(practitioner);
        assertThat(api("GET", "/api/v1/file-requests/" + open, token, null).getContentAsString()).contains("\"overdue\":true");
        assertThat(api("GET", "/api/v1/file-requests/" + fulfilled, token, null).getContentAsString()).contains("\"overdue\":false");

        // the answer arriving late ends "Overdue"
        answer(open, "late".getBytes(StandardCharsets.UTF_8));
        assertThat(requests.get(caller(practitioner, Role.PRACTITIONER), open).overdue()).isFalse();
    }

    @Test
    void aReminderWhoseEmailCannotBeQueuedIsNotClaimedAndTheNextSweepSendsIt() throws Exception {
        UUID request = ask("Attendance record");
        clock.advance(Duration.ofDays(2));
        // The claim and the queuing of its emails are one transaction: an email that cannot be queued undoes the claim.
        jdbc.sql("update hub_file_request set recipient_email = 'not an address' where id = ?").param(request).update();
        assertThat(reminders.sweep()).isZero();
        assertThat(reminded(request)).as("no reminder recorded without its emails").isEmpty();
        assertThat(reminders(request)).as("not even the requester's email").isEmpty();

        jdbc.sql("update hub_file_request set recipient_email = ? where id = ?").params(teacher.email(), request).update();
        assertThat(reminders.sweep()).isEqualTo(1);
        assertThat(reminded(request)).hasSize(1);
        assertThat(reminders(request)).extracting(Outbox.OutboxMessage::to).containsExactlyInAnyOrder(teacher.email(), practitioner.email());
    }

    @Test
    void twoNodesSweepingAtTheSameMomentSendOneReminder() throws Exception {
        UUID request = ask("Attendance record");
        clock.advance(Duration.ofDays(2));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> node = () -> {
                start.await();
                return reminders.sweep();
            };
            List<Future<Integer>> sweeps = List.of(nodes.submit(node), nodes.submit(node));
            start.countDown();
            for (Future<Integer> sweep : sweeps) {
                sweep.get();
            }
        } finally {
            nodes.shutdown();
        }
        assertThat(reminders(request)).hasSize(2);
        assertThat(reminded(request)).hasSize(1);
    }

    @Test
    void aRequestUnderARequestMadeRecordMarksItMadeAndTheFirstDownloadConfirmsReceipt() throws Exception {
        Visitor requester = fixtures.signIn(mvc, practitioner);
        MockHttpServletResponse made = requester.post("/sharing/new", HubFromRecordTests.share(schoolEntry, teacher.email(),
                "direction", "REQUEST_MADE", "information", "Attendance record for this term", "purpose", "Child protection conference"))
                .andReturn().getResponse();
        assertThat(made.getStatus()).as(made.getContentAsString()).isEqualTo(302);
        UUID recordId = UUID.fromString(made.getRedirectedUrl().substring("/sharing/".length(), "/sharing/".length() + 36));
        assertThat(register.get(council.id(), recordId).status()).isEqualTo(Status.READY);

        // the form starts from the record: the person on it, what and why
        String form = requester.get("/hub/requests/new?record=" + recordId).andReturn().getResponse().getContentAsString();
        assertThat(form).contains(teacher.email(), "Attendance record for this term", "Child protection conference", "id=\"under-record\"");
        LocalDate due = FileRequests.today(clock).plusDays(5);
        String[] fields = {"sharingRecordId", recordId.toString(), "recipientEntryId", schoolEntry.id().toString(), "recipient", teacher.email(),
            "what", "Attendance record for this term", "why", "Child protection conference", "dueOn", due.toString()};
        String refused = requester.post("/hub/requests/new", fields).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("There is a problem", "Complete the sharing record&#39;s checklist before asking for the files");
        assertThat(register.get(council.id(), recordId).status()).isEqualTo(Status.READY);

        SharingRecord record = register.get(council.id(), recordId);
        List<String> checklist = new ArrayList<>(List.of("action", "save"));
        record.policy().requiredSafeguards().forEach(s -> {
            checklist.add("safeguard");
            checklist.add(s);
        });
        requester.post("/sharing/" + recordId + "/checklist", checklist.toArray(String[]::new));
        MockHttpServletResponse created = requester.post("/hub/requests/new", fields).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(302);
        UUID requestId = UUID.fromString(created.getRedirectedUrl().substring("/hub/requests/".length()));
        assertThat(register.get(council.id(), recordId).status()).as("asking is the request made").isEqualTo(Status.SHARED);

        // the link both ways, and the record's requests are the record's organisation's alone
        assertThat(requester.get("/hub/requests/" + requestId).andReturn().getResponse().getContentAsString())
                .contains("id=\"record-link\"", "/sharing/" + recordId);
        assertThat(requester.get("/sharing/" + recordId).andReturn().getResponse().getContentAsString())
                .contains("id=\"hub-requests\"", "/hub/requests?record=" + recordId);
        assertThat(requester.get("/hub/requests?record=" + recordId).andReturn().getResponse().getContentAsString())
                .contains("/hub/requests/" + requestId, "Attendance record for this term");
        Visitor stranger = fixtures.signIn(mvc, fixtures.person(fixtures.organisation("Elsewhere"), Role.PRACTITIONER));
        assertThat(stranger.get("/hub/requests?record=" + recordId).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(fixtures.signIn(mvc, teacher).get("/hub/requests/" + requestId).andReturn().getResponse().getContentAsString())
                .as("the partner cannot open the council's record").doesNotContain("record-link");

        byte[] content = "Attendance: 94%\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        UUID packageId = answer(requestId, content);
        assertThat(register.get(council.id(), recordId).status()).as("sent, not yet received").isEqualTo(Status.SHARED);
        assertThat(requester.get("/hub/packages/" + packageId).andReturn().getResponse().getContentAsString())
                .contains("id=\"request-link\"", "/hub/requests/" + requestId);
        requester.post("/hub/packages/" + packageId + "/acknowledge", "confirm", "true");
        String fileId = jdbc.sql("select id from hub_file where package_id = ?").param(packageId).query(UUID.class).single().toString();
        MockHttpServletResponse download = requester.post("/hub/packages/" + packageId + "/files/" + fileId + "/download").andReturn().getResponse();
        assertThat(download.getContentAsByteArray()).isEqualTo(content);

        SettledOutbox.awaitDeliveries(jdbc); // the register confirms receipt after the download commits (ADR 0014)
        SharingRecord received = register.get(council.id(), recordId);
        assertThat(received.status()).isEqualTo(Status.RECEIPT_CONFIRMED);
        assertThat(received.timeline().get(received.timeline().size() - 1)).satisfies(e -> {
            assertThat(e.label()).isEqualTo("Receipt confirmed");
            assertThat(e.note()).isEqualTo("The files asked for were received through the secure hub");
            assertThat(e.by().name()).isEqualTo(practitioner.displayName());
        });
        assertThat(audit.latestWithAction("sharing.receipt-confirmed", 50)).anySatisfy(e -> {
            assertThat(e.target()).isEqualTo("sharing-record:" + recordId);
            assertThat(e.actorId()).isEqualTo(practitioner.id().toString());
            assertThat(e.details()).contains("secure-hub-request", requestId.toString(), packageId.toString());
        });
        assertThat(audit.latestWithAction("hub.request.files-received", 50)).anySatisfy(e -> assertThat(e.target()).isEqualTo("hub-request:" + requestId));

        // a second download changes nothing more
        requester.post("/hub/packages/" + packageId + "/files/" + fileId + "/download");
        assertThat(register.get(council.id(), recordId).timeline()).hasSize(received.timeline().size());
    }

    @Test
    void onlyARequestMadeRecordThatIsNotFinishedCarriesARequest() throws Exception {
        Visitor requester = fixtures.signIn(mvc, practitioner);
        MockHttpServletResponse share = requester.post("/sharing/new", HubFromRecordTests.share(schoolEntry, teacher.email())).andReturn().getResponse();
        UUID weShare = UUID.fromString(share.getRedirectedUrl().substring("/sharing/".length(), "/sharing/".length() + 36));
        String refused = requester.post("/hub/requests/new", "sharingRecordId", weShare.toString(), "recipientEntryId", schoolEntry.id().toString(),
                "recipient", teacher.email(), "what", "x", "why", "y", "dueOn", FileRequests.today(clock).plusDays(2).toString())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Link a request for files to a sharing record of a request you made");
        MockHttpServletResponse byEmail = requester.post("/sharing/new", HubFromRecordTests.share(schoolEntry, teacher.email(),
                "direction", "REQUEST_MADE", "channel", "EMAIL")).andReturn().getResponse();
        assertThat(byEmail.getStatus()).as(byEmail.getContentAsString()).isEqualTo(302);
        UUID emailRecord = UUID.fromString(byEmail.getRedirectedUrl().substring("/sharing/".length(), "/sharing/".length() + 36));
        assertThat(requester.post("/hub/requests/new", "sharingRecordId", emailRecord.toString(), "recipientEntryId", schoolEntry.id().toString(),
                "recipient", teacher.email(), "what", "x", "why", "y", "dueOn", FileRequests.today(clock).plusDays(2).toString())
                .andReturn().getResponse().getContentAsString())
                .contains("Link a request for files to a sharing record whose channel is the secure hub");
        assertThat(requester.get("/hub/requests?record=" + UUID.randomUUID()).andReturn().getResponse().getStatus()).isEqualTo(404);
        MockHttpServletResponse overApi = api("POST", "/api/v1/file-requests", fixtures.token(practitioner), """
                {"recipientEntryId":"%s","recipient":"%s","what":"x","why":"y","dueOn":"%s","sharingRecordId":"%s"}"""
                .formatted(schoolEntry.id(), teacher.email(), FileRequests.today(clock).plusDays(2), weShare));
        assertThat(overApi.getStatus()).isEqualTo(422);
        assertThat(overApi.getContentAsString()).contains("sharingRecordId", "Link a request for files to a sharing record of a request you made");
        assertThat(jdbc.sql("select count(*) from hub_file_request where sharing_record_id = ?").param(weShare).query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from hub_file_request where sharing_record_id = ?").param(emailRecord).query(Integer.class).single())
                .isZero();
    }

    MockHttpServletResponse api(String method, String path, String token, String json) throws Exception {
        var request = MockMvcRequestBuilders.request(org.springframework.http.HttpMethod.valueOf(method), path)
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.contentType("application/json").content(json);
        }
        return mvc.perform(request).andReturn().getResponse();
    }
}
