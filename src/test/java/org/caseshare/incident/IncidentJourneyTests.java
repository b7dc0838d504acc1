package org.caseshare.incident;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.caseshare.audit.AuditEntry;
import org.caseshare.audit.AuditTrail;
import org.caseshare.custody.UkTime;
import org.caseshare.directory.Organisation;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.mail.Outbox;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.TestClock;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
 * Incidents through the pages and the API: a loss reported, the data protection officer emailed at
 * once, the 72-hour clock shown from the injected clock, the decision recorded with reasons; only the
 * data protection officer decides, and people see what their role allows.
 */
abstract class IncidentJourneyTests extends IntegrationTest {

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
    org.caseshare.custody.CustodyRegister custody;

    /** The clock is shared by every test in the context: put it back for the next one. */
    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    record Team(Organisation organisation, Account practitioner, Account colleague, Account manager, Account dpo) {
    }

    Team team() {
        Organisation organisation = fixtures.organisation("Council");
        return new Team(organisation, fixtures.person(organisation, Role.PRACTITIONER), fixtures.person(organisation, Role.PRACTITIONER),
                fixtures.person(organisation, Role.MANAGER), fixtures.person(organisation, Role.DATA_PROTECTION_OFFICER));
    }

    static String[] report(TestClock clock, String... more) {
        var now = clock.instant().minus(Duration.ofHours(2)).atZone(UkTime.ZONE);
        List<String> fields = new java.util.ArrayList<>(List.of("whatHappened", "Bag with the case file of Jo Bloggs left on the train",
                "discoveredDate", now.getDayOfMonth() + "/" + now.getMonthValue() + "/" + now.getYear(),
                "discoveredTime", String.format("%02d:%02d", now.getHour(), now.getMinute()), "peopleAffected", "3", "recordsAffected", "1",
                "consequences", "Family details could be read by a stranger", "actionsTaken", "Rang lost property"));
        for (int i = 0; i + 1 < more.length; i += 2) {
            int at = fields.indexOf(more[i]);
            if (at >= 0 && at % 2 == 0) {
                fields.set(at + 1, more[i + 1]);
            } else {
                fields.add(more[i]);
                fields.add(more[i + 1]);
            }
        }
        return fields.toArray(String[]::new);
    }

    static UUID idFrom(ResultActions result) {
        String url = result.andReturn().getResponse().getRedirectedUrl();
        assertThat(url).startsWith("/incidents/");
        return UUID.fromString(url.substring("/incidents/".length(), "/incidents/".length() + 36));
    }

    @Test
    void aControlCharacterInAReportIsExplainedBesideItsFieldAndNothingIsReported() throws Exception {
        Team t = team();
        Visitor practitioner = fixtures.signIn(mvc, t.practitioner());

        practitioner.post("/incidents/new", report(clock, "whatHappened", "Bag left\u0008 on the train",
                "actionsTaken", "Rang lost property\r\nand the police")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("There is a problem"),
                        containsString("What happened must not contain the control character U+0008 (at position 9)"))))
                .andExpect(content().string(not(containsString("Actions taken must not"))));

        assertThat(audit.latest(t.organisation().id(), 20)).extracting(AuditEntry::action).doesNotContain("incident.reported");
    }

    /** Not only the share form: every form's text is stored in NFC (ComposedParameters), so a name matches however typed. */
    @Test
    void aNameTypedWithCombiningAccentsIsStoredComposed() throws Exception {
        Team t = team();
        Visitor practitioner = fixtures.signIn(mvc, t.practitioner());

        UUID id = idFrom(practitioner.post("/incidents/new", report(clock, "whatHappened", "Case file of Sia\u0302n Lly\u0302r left on the train"))
                .andExpect(status().is3xxRedirection()));

        practitioner.get("/incidents/" + id).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Case file of Si\u00e2n Ll\u0177r left on the train"),
                        not(containsString("Sia\u0302n")))));
    }

    @Test
    void aLossIsReportedTheOfficerIsToldAndDecidesWithinTheClock() throws Exception {
        Team t = team();
        Visitor practitioner = fixtures.signIn(mvc, t.practitioner());

        // Step 1: an empty report says what is missing.
        practitioner.post("/incidents/new", "whatHappened", "", "discoveredDate", "", "peopleAffected", "many")
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("There is a problem"),
                        containsString("Enter what happened"), containsString("Enter the date the loss was discovered"),
                        containsString("as a whole number"), containsString("href=\"#consequences\""))));
        practitioner.post("/incidents/new", report(clock, "discoveredDate", "1/1/2099")).andExpect(status().isOk())
                .andExpect(content().string(containsString("must be in the past")));

        // Step 2: reported; discovered two hours ago (to the minute), so 69 hours and some minutes are left.
        UUID id = idFrom(practitioner.post("/incidents/new", report(clock)).andExpect(status().is3xxRedirection()));
        practitioner.get("/incidents/" + id).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Awaiting decision"), containsString("2 days 21 hours left to decide whether to report to the ICO"),
                containsString("The data protection officer has been told"), not(containsString("Record your decision")))));

        // Step 3: the data protection officer is emailed at once, with no personal data.
        List<Outbox.OutboxMessage> toDpo = outbox.list().stream().filter(m -> m.to().equals(t.dpo().email())).toList();
        assertThat(toDpo).hasSize(1);
        assertThat(toDpo.get(0).subject()).isEqualTo("Caseshare: a loss or suspected loss has been reported");
        assertThat(toDpo.get(0).body()).contains("72-hour").contains("/incidents").doesNotContain("Bloggs").doesNotContain("train");
        assertThat(outbox.list()).noneMatch(m -> m.to().equals(t.manager().email()));
        assertThat(audit.latest(t.organisation().id(), 5)).anyMatch(e -> e.action().equals("incident.reported")
                && e.target().equals("incident:" + id) && !String.valueOf(e.details()).contains("Bloggs"))
                .anyMatch(e -> e.action().equals("incident.dpo-notified") && e.details().contains("\"recipients\":\"" + t.dpo().id() + "\""));

        // Step 4: a practitioner cannot decide; a colleague cannot even see it; the manager sees it but cannot decide.
        practitioner.post("/incidents/" + id + "/decision", "notifyIco", "no", "icoReasons", "x", "notifyPeople", "no", "peopleReasons", "x")
                .andExpect(status().isForbidden());
        fixtures.signIn(mvc, t.colleague()).get("/incidents/" + id).andExpect(status().isNotFound());
        Visitor manager = fixtures.signIn(mvc, t.manager());
        manager.get("/incidents").andExpect(content().string(allOf(containsString("left on the train"), containsString("left to decide"))));
        manager.post("/incidents/" + id + "/decision", "notifyIco", "no").andExpect(status().isForbidden());

        // Step 5: 30 hours later the officer sees the clock on their list and records the decision with reasons.
        clock.advance(Duration.ofHours(30));
        Visitor dpo = fixtures.signIn(mvc, t.dpo());
        dpo.get("/incidents").andExpect(content().string(allOf(containsString("Waiting for your decision"), containsString("1 day 15 hours left"))));
        dpo.post("/incidents/" + id + "/decision", "notifyIco", "yes", "icoReasons", "", "notifyPeople", "")
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("There is a problem"),
                        containsString("Enter the reasons for the decision about the ICO"), containsString("Enter the date the ICO was notified"),
                        containsString("Select whether the people affected are told"))));
        String today = ddmmyyyy(UkTime.today(clock.instant()));
        dpo.post("/incidents/" + id + "/decision", "notifyIco", "yes", "icoReasons", "Risk to the family's safety",
                "icoNotifiedOn", today, "icoReference", "IC-123456", "notifyPeople", "yes", "peopleReasons", "High risk: they must be warned",
                "peopleNotifiedOn", today).andExpect(status().is3xxRedirection());
        dpo.get("/incidents/" + id).andExpect(content().string(allOf(containsString("Reported to the ICO on"), containsString("within 72 hours"),
                containsString("IC-123456"), containsString("High risk: they must be warned"))));
        assertThat(audit.latest(t.organisation().id(), 5)).anyMatch(e -> e.action().equals("incident.decided")
                && e.details().contains("\"notifyIco\":\"true\"") && e.details().contains("\"withinDeadline\":\"true\""));
        practitioner = fixtures.signIn(mvc, t.practitioner());
        practitioner.get("/incidents").andExpect(content().string(allOf(containsString("Reported to the ICO"), containsString("left on the train"))));
    }

    @Test
    void anIncidentShowsWithItsClockOnTheDeviceItWasReportedOn() throws Exception {
        Team t = team();
        Account admin = fixtures.person(t.organisation(), Role.ORGANISATION_ADMIN);
        var device = custody.registerDevice(new org.caseshare.system.Actor(admin.id(), t.organisation().id(), admin.displayName(),
                java.util.Set.of(org.caseshare.system.Actor.ORGANISATION_ADMIN)),
                new org.caseshare.custody.CustodyForms.NewDevice("USB_STICK", Fixtures.unique("USB"), ""));
        assertThat(device.errors()).isEmpty();
        Visitor practitioner = fixtures.signIn(mvc, t.practitioner());
        practitioner.get("/custody/devices/" + device.id()).andExpect(content().string(not(containsString("id=\"related-notices\""))));

        UUID id = idFrom(practitioner.post("/incidents/new", report(clock, "deviceId", device.id().toString()))
                .andExpect(status().is3xxRedirection()));
        // The reporter and the officer see it on the device with the clock; a colleague who may not see the incident does not.
        practitioner.get("/custody/devices/" + device.id()).andExpect(content().string(allOf(containsString("id=\"related-notices\""),
                containsString("href=\"/incidents/" + id + "\""), containsString("left to decide whether to report to the ICO"))));
        fixtures.signIn(mvc, t.dpo()).get("/custody/devices/" + device.id())
                .andExpect(content().string(containsString("href=\"/incidents/" + id + "\"")));
        fixtures.signIn(mvc, t.colleague()).get("/custody/devices/" + device.id())
                .andExpect(content().string(not(containsString("/incidents/" + id))));
    }

    @Test
    void aDecisionNotToReportIsKeptAndTheClockShowsOverdueUntilDecided() throws Exception {
        Team t = team();
        String token = fixtures.token(t.practitioner());
        String body = mvc.perform(post("/api/v1/incidents").header("Authorization", "Bearer " + token).contentType("application/json")
                        .content("{\"whatHappened\":\"Email to the wrong school\",\"discoveredDate\":\"" + ddmmyyyy(UkTime.today(clock.instant()))
                                + "\",\"discoveredTime\":\"00:00\",\"peopleAffected\":\"1\",\"recordsAffected\":\"1\",\"consequences\":\"Low\",\"actionsTaken\":\"Recalled\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.clockRunning").value(true)).andExpect(jsonPath("$.status").value("REPORTED"))
                .andReturn().getResponse().getContentAsString();
        String id = body.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        mvc.perform(post("/api/v1/incidents").header("Authorization", "Bearer " + token).contentType("application/json").content("{}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.whatHappened").value("Enter what happened"));

        clock.advance(Duration.ofHours(73));
        mvc.perform(get("/api/v1/incidents/" + id).header("Authorization", "Bearer " + token)).andExpect(jsonPath("$.overdue").value(true))
                .andExpect(jsonPath("$.clock").value(org.hamcrest.Matchers.startsWith("Overdue by")));
        mvc.perform(post("/api/v1/incidents/" + id + "/decision").header("Authorization", "Bearer " + token).contentType("application/json")
                .content("{\"notifyIco\":\"no\"}")).andExpect(status().isForbidden());
        String dpoToken = fixtures.token(t.dpo());
        mvc.perform(post("/api/v1/incidents/" + id + "/decision").header("Authorization", "Bearer " + dpoToken).contentType("application/json")
                        .content("{\"notifyIco\":\"no\",\"icoReasons\":\"Recalled unread: unlikely to result in a risk\",\"notifyPeople\":\"no\","
                                + "\"peopleReasons\":\"No risk to them\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DECIDED")).andExpect(jsonPath("$.decision.notifyIco").value(false))
                .andExpect(jsonPath("$.clockRunning").value(false));
        // Kept, and listed, though not reported; another organisation's officer does not find it.
        mvc.perform(get("/api/v1/incidents").header("Authorization", "Bearer " + dpoToken)).andExpect(jsonPath("$[0].id").value(id));
        Organisation other = fixtures.organisation("Elsewhere");
        mvc.perform(get("/api/v1/incidents/" + id).header("Authorization", "Bearer " + fixtures.token(fixtures.person(other, Role.DATA_PROTECTION_OFFICER))))
                .andExpect(status().isNotFound());
        Visitor dpo = fixtures.signIn(mvc, t.dpo());
        dpo.get("/incidents/" + id).andExpect(content().string(allOf(containsString("Decided not to report to the ICO"),
                containsString("Recalled unread"))));
    }

    static String ddmmyyyy(LocalDate date) {
        return date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + date.getYear();
    }
}
