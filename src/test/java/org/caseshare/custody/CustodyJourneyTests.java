package org.caseshare.custody;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.Organisation;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.mail.Outbox;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.TestClock;
import org.caseshare.support.Visitor;
import org.caseshare.system.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The custody register through the pages and the API: paper taken off site, overdue, reminded,
 * returned; a device approved, refused while unverified, information left on it escalated, and its
 * secure deletion closing the item.
 */
abstract class CustodyJourneyTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestClock clock;
    @Autowired
    Outbox outbox;
    @Autowired
    AuditTrail audit;
    @Autowired
    OverdueReminders reminders;
    @Autowired
    CustodyRegister register;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.caseshare.system.AccountLanguages languages;

    /** The clock is shared by every test in the context: put it back for the next one. */
    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    record Team(Organisation organisation, Account practitioner, Account colleague, Account manager, Account dpo, Account admin) {
    }

    Team team() {
        Organisation organisation = fixtures.organisation("Council");
        return new Team(organisation, fixtures.person(organisation, Role.PRACTITIONER), fixtures.person(organisation, Role.PRACTITIONER),
                fixtures.person(organisation, Role.MANAGER), fixtures.person(organisation, Role.DATA_PROTECTION_OFFICER),
                fixtures.person(organisation, Role.ORGANISATION_ADMIN));
    }

    static String tomorrow(TestClock clock) {
        LocalDate date = UkTime.today(clock.instant()).plusDays(1);
        return date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + date.getYear();
    }

    static UUID idFrom(ResultActions result, String prefix) {
        String url = result.andReturn().getResponse().getRedirectedUrl();
        assertThat(url).startsWith(prefix);
        return UUID.fromString(url.substring(prefix.length(), prefix.length() + 36));
    }

    List<Outbox.OutboxMessage> mailTo(Account account) {
        return outbox.list().stream().filter(m -> m.to().equals(account.email())).toList();
    }

    @Test
    void eachIsRemindedOfOverduePaperInTheLanguageTheyChose() throws Exception {
        Team t = team();
        languages.remember(t.manager().id(), org.caseshare.system.Languages.WELSH);
        Visitor practitioner = fixtures.signIn(mvc, t.practitioner());
        practitioner.post("/custody/new", "kind", "PAPER", "description", "Case file C-2024-78 for Jo Bloggs",
                "reason", "Home visit with the family", "dueDate", tomorrow(clock), "dueTime", "17:00",
                "safeguards", "hand.sealed-envelope", "safeguards", "hand.kept-close").andExpect(status().is3xxRedirection());

        clock.advance(Duration.ofDays(2));
        reminders.sweep();

        assertThat(mailTo(t.practitioner())).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Caseshare: an item you hold is overdue");
            assertThat(mail.body()).isEqualTo("An item recorded in your organisation's custody register is overdue: it has not been recorded"
                    + " as returned, securely disposed of or securely deleted.\n\nSign in to Caseshare to see it: "
                    + mail.body().substring(mail.body().indexOf("http")));
        });
        assertThat(mailTo(t.manager())).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Caseshare: mae eitem sydd gennych yn hwyr");
            assertThat(mail.body()).contains("nghofrestr gwarchodaeth", "Mewngofnodwch i Caseshare i’w gweld: ", "/custody/overdue")
                    .doesNotContain("overdue:", "Sign in", "C-2024-78", "Bloggs");
        });
    }

    @Test
    void paperTakenOffSiteGoesOverdueIsRemindedAndReturned() throws Exception {
        Team t = team();
        Visitor practitioner = fixtures.signIn(mvc, t.practitioner());

        // Step 1: an empty form says what is missing, GOV.UK style.
        practitioner.get("/custody/new?kind=PAPER").andExpect(status().isOk()).andExpect(content().string(containsString("Take information off site")));
        practitioner.post("/custody/new", "kind", "PAPER", "description", "", "reason", "", "dueDate", "", "dueTime", "17:00")
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("There is a problem"),
                        containsString("Enter what you are taking"), containsString("Enter why it must be taken off site"),
                        containsString("Confirm the paper is in a sealed file or envelope"), containsString("href=\"#dueDate\""))));

        // Step 2: the paper file is taken, sealed, due back tomorrow.
        UUID id = idFrom(practitioner.post("/custody/new", "kind", "PAPER", "description", "Case file C-2024-77 for Jo Bloggs",
                "reason", "Home visit with the family", "dueDate", tomorrow(clock), "dueTime", "17:00",
                "safeguards", "hand.sealed-envelope", "safeguards", "hand.kept-close").andExpect(status().is3xxRedirection()), "/custody/");
        practitioner.get("/custody/" + id).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Off site"), containsString("Home visit with the family"), containsString("hand.sealed-envelope"))));
        assertThat(audit.latest(t.organisation().id(), 5)).anyMatch(e -> e.action().equals("custody.taken")
                && e.target().equals("custody-item:" + id) && !String.valueOf(e.details()).contains("Bloggs"));

        // Step 3: a colleague does not see it; the manager does.
        Visitor colleague = fixtures.signIn(mvc, t.colleague());
        colleague.get("/custody/" + id).andExpect(status().isNotFound());
        colleague.get("/custody").andExpect(content().string(not(containsString("C-2024-77"))));

        // Step 4: two days later it is overdue; the sweep reminds the holder and the manager, once.
        clock.advance(Duration.ofDays(2));
        int sent = reminders.sweep();
        assertThat(sent).isPositive();
        reminders.sweep();
        List<Outbox.OutboxMessage> toHolder = mailTo(t.practitioner());
        assertThat(toHolder).hasSize(1);
        assertThat(toHolder.get(0).subject()).isEqualTo("Caseshare: an item you hold is overdue");
        assertThat(toHolder.get(0).body()).contains("/custody/overdue").doesNotContain("C-2024-77").doesNotContain("Bloggs")
                .doesNotContain("Home visit");
        assertThat(mailTo(t.manager())).hasSize(1);
        assertThat(mailTo(t.colleague())).isEmpty();
        assertThat(audit.latest(t.organisation().id(), 10)).anyMatch(e -> e.action().equals("custody.overdue-reminded")
                && e.target().equals("custody-item:" + id));

        // Step 5: the overdue list shows it to the holder and the manager (sessions end after 10 hours: sign in again).
        practitioner = fixtures.signIn(mvc, t.practitioner());
        practitioner.get("/custody/overdue").andExpect(content().string(allOf(containsString("C-2024-77"), containsString("overdue by"))));
        practitioner.get("/custody").andExpect(content().string(containsString("1 item is overdue")));
        Visitor manager = fixtures.signIn(mvc, t.manager());
        manager.get("/custody/overdue").andExpect(content().string(containsString("C-2024-77")));

        // Step 6: a return date in the future is refused; today closes it.
        practitioner.post("/custody/" + id + "/close", "outcome", "returned", "returnedOn", "1/1/2099")
                .andExpect(status().isOk()).andExpect(content().string(containsString("must be today or in the past")));
        practitioner.post("/custody/" + id + "/close", "outcome", "returned", "returnedOn", "").andExpect(status().is3xxRedirection());
        practitioner.get("/custody/" + id).andExpect(content().string(allOf(containsString("Returned by"), not(containsString("Overdue by")))));
        manager.get("/custody/overdue").andExpect(content().string(not(containsString("C-2024-77"))));
        // A closed item cannot be closed again.
        practitioner.post("/custody/" + id + "/close", "outcome", "disposed", "how", "shredded").andExpect(status().isConflict());
    }

    @Test
    void aReminderWhoseEmailCannotBeQueuedIsNotClaimedAndTheNextSweepSendsIt() throws Exception {
        Team t = team();
        var taken = register.take(new Actor(t.practitioner().id(), t.organisation().id(), t.practitioner().displayName(),
                Set.of(Role.PRACTITIONER.name())), new CustodyForms.Take("PAPER", "Case file", "Home visit", tomorrow(clock), "17:00", "", "",
                List.of("hand.sealed-envelope")));
        assertThat(taken.errors()).isEmpty();
        clock.advance(Duration.ofDays(2));

        // The claim and the queuing of its emails are one transaction: an email that cannot be queued undoes the claim.
        jdbc.sql("update account set email = 'not an address' where id = ?").param(t.manager().id()).update();
        reminders.sweep();
        assertThat(audit.latest(t.organisation().id(), 20)).as("no reminder recorded without its emails")
                .noneMatch(e -> e.action().equals("custody.overdue-reminded") && e.target().equals("custody-item:" + taken.id()));
        assertThat(mailTo(t.practitioner())).as("not even the holder's email").isEmpty();

        jdbc.sql("update account set email = ? where id = ?").params(t.manager().email(), t.manager().id()).update();
        reminders.sweep();
        assertThat(audit.latest(t.organisation().id(), 20)).filteredOn(e -> e.action().equals("custody.overdue-reminded")
                && e.target().equals("custody-item:" + taken.id())).hasSize(1);
        assertThat(mailTo(t.practitioner())).hasSize(1);
        assertThat(mailTo(t.manager())).hasSize(1);
    }

    @Test
    void informationOnADeviceNeedsAVerifiedDeviceEscalatesWhenOverdueAndIsClosedBySecureDeletion() throws Exception {
        Team t = team();
        Visitor admin = fixtures.signIn(mvc, t.admin());
        Visitor practitioner = fixtures.signIn(mvc, t.practitioner());
        String tag = Fixtures.unique("IT");

        // Step 1: only the organisation admin registers devices.
        practitioner.post("/custody/devices", "type", "USB_STICK", "assetTag", tag).andExpect(status().isForbidden());
        admin.post("/custody/devices", "type", "", "assetTag", "").andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("There is a problem"), containsString("Select the type of device"), containsString("Enter the asset tag on the device"))));
        UUID device = idFrom(admin.post("/custody/devices", "type", "USB_STICK", "assetTag", tag, "description", "Encrypted 32 GB stick")
                .andExpect(status().is3xxRedirection()), "/custody/devices/");
        admin.post("/custody/devices", "type", "USB_STICK", "assetTag", tag).andExpect(content().string(containsString("already in the register")));

        // Step 2: until its encryption is verified, nothing may be placed on it.
        String[] placement = {"kind", "DEVICE", "deviceId", device.toString(), "description", "Assessment report C-3001",
                "reason", "Case conference at the health centre", "dueDate", tomorrow(clock), "dueTime", "12:00",
                "safeguards", "device.encrypted"};
        practitioner.post("/custody/new", placement).andExpect(status().isOk())
                .andExpect(content().string(containsString("encryption has not been verified")));
        practitioner.get("/custody/devices/" + device).andExpect(content().string(allOf(containsString("Encryption not verified"),
                not(containsString("id=\"place-information\"")))));
        admin.post("/custody/devices/" + device + "/verify", "method", "").andExpect(content().string(containsString("Enter how the encryption was verified")));
        admin.post("/custody/devices/" + device + "/verify", "method", "Hardware encryption checked, PIN set").andExpect(status().is3xxRedirection());
        practitioner.get("/custody/devices/" + device).andExpect(content().string(allOf(containsString("Approved"),
                containsString("Hardware encryption checked"))));

        // Step 3: placed on the verified device, with the encryption confirmed.
        practitioner.post("/custody/new", "kind", "DEVICE", "deviceId", device.toString(), "description", "Assessment report C-3001",
                "reason", "Case conference", "dueDate", tomorrow(clock), "dueTime", "12:00").andExpect(status().isOk())
                .andExpect(content().string(containsString("Confirm the information on the device is encrypted")));
        UUID id = idFrom(practitioner.post("/custody/new", placement).andExpect(status().is3xxRedirection()), "/custody/");
        // Information on a device is closed by its secure deletion, not by "returning" it.
        practitioner.post("/custody/" + id + "/close", "outcome", "returned").andExpect(status().isConflict());

        // Step 4: beyond its time, it escalates to the managers and the data protection officer.
        clock.advance(Duration.ofDays(2));
        reminders.sweep();
        reminders.sweep();
        assertThat(mailTo(t.manager())).extracting(Outbox.OutboxMessage::subject)
                .containsExactly("Caseshare: information left on a device beyond its time");
        assertThat(mailTo(t.dpo())).hasSize(1);
        assertThat(mailTo(t.dpo()).get(0).body()).doesNotContain("C-3001").doesNotContain(tag);
        assertThat(mailTo(t.practitioner())).extracting(Outbox.OutboxMessage::subject).containsExactly("Caseshare: an item you hold is overdue");
        assertThat(audit.latest(t.organisation().id(), 10)).anyMatch(e -> e.action().equals("custody.overdue-escalated")
                && e.target().equals("custody-item:" + id));
        Visitor dpo = fixtures.signIn(mvc, t.dpo());
        dpo.get("/custody/overdue").andExpect(content().string(allOf(containsString("C-3001"), containsString("Escalated"))));

        // Step 5: secure deletion closes it.
        practitioner = fixtures.signIn(mvc, t.practitioner());
        practitioner.post("/custody/" + id + "/close", "outcome", "deleted", "how", "").andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter how the information was securely deleted")));
        practitioner.post("/custody/" + id + "/close", "outcome", "deleted", "how", "Secure erase with the IT tool")
                .andExpect(status().is3xxRedirection());
        practitioner.get("/custody/" + id).andExpect(content().string(allOf(containsString("Securely deleted by"),
                containsString("Secure erase with the IT tool"))));
        dpo.get("/custody/overdue").andExpect(content().string(not(containsString("C-3001"))));

        // Step 6: a withdrawn device can receive nothing more.
        admin = fixtures.signIn(mvc, t.admin());
        admin.post("/custody/devices/" + device + "/withdraw", "reason", "Replaced").andExpect(status().is3xxRedirection());
        placement[9] = tomorrow(clock);
        practitioner.post("/custody/new", placement).andExpect(content().string(containsString("has been withdrawn")));
    }

    @Test
    void theApiTakesAndClosesItemsWithProblemDetails() throws Exception {
        Team t = team();
        String token = fixtures.token(t.practitioner());
        mvc.perform(post("/api/v1/custody-items").header("Authorization", "Bearer " + token).contentType("application/json")
                        .content("{\"kind\":\"PAPER\",\"description\":\"\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.description").value("Enter what you are taking"))
                .andExpect(jsonPath("$.errors.safeguards").exists());
        String body = mvc.perform(post("/api/v1/custody-items").header("Authorization", "Bearer " + token).contentType("application/json")
                        .content("{\"kind\":\"PAPER\",\"description\":\"File C-9\",\"reason\":\"Visit\",\"dueDate\":\"" + tomorrow(clock)
                                + "\",\"dueTime\":\"17:00\",\"safeguards\":[\"hand.sealed-envelope\"]}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("OUT")).andReturn().getResponse().getContentAsString();
        String id = body.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        mvc.perform(get("/api/v1/custody-items/" + id).header("Authorization", "Bearer " + fixtures.token(t.colleague())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/custody-items/" + id + "/close").header("Authorization", "Bearer " + token).contentType("application/json")
                .content("{\"outcome\":\"disposed\",\"how\":\"Cross-cut shredded\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISPOSED")).andExpect(jsonPath("$.closedHow").value("Cross-cut shredded"));
        mvc.perform(post("/api/v1/devices").header("Authorization", "Bearer " + token).contentType("application/json")
                .content("{\"type\":\"USB_STICK\",\"assetTag\":\"X\"}")).andExpect(status().isForbidden());
        String adminToken = fixtures.token(t.admin());
        String device = mvc.perform(post("/api/v1/devices").header("Authorization", "Bearer " + adminToken).contentType("application/json")
                        .content("{\"type\":\"CD_DVD\",\"assetTag\":\"" + Fixtures.unique("CD") + "\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.usable").value(false)).andReturn().getResponse().getContentAsString()
                .replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        mvc.perform(post("/api/v1/devices/" + device + "/verify-encryption").header("Authorization", "Bearer " + adminToken)
                .contentType("application/json").content("{\"method\":\"Encrypted disc image, AES-256\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.usable").value(true)).andExpect(jsonPath("$.encryptionVerifiedName").value(t.admin().displayName()));
        mvc.perform(get("/api/v1/devices").header("Authorization", "Bearer " + token)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(device));
    }
}
