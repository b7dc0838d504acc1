package org.caseshare.system;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.directory.Switchboard;
import org.caseshare.directory.TelephoneNumber;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.support.Browser;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.TestClock;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page as each role's work queue, in a real Chromium, with demo-like work made through the
 * pages: a practitioner's draft and a share waiting for a manager, a paper file off site, a share by
 * the secure hub and an incident; each role sees its own lines, and each line opens the page where
 * the work is done.
 */
abstract class HomeWorkQueueTests extends IntegrationTest {

    @LocalServerPort
    int port;
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

    Organisation council;
    Account practitioner;
    Account manager;
    Account dpo;
    UUID draft;
    UUID awaiting;
    UUID custodyItem;
    UUID incident;

    @BeforeEach
    void work() throws Exception {
        council = fixtures.organisation("Council");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        Actor caller = new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN));
        DirectoryEntry health = directory.addEntry(caller, "Wessex Health Trust", OrganisationKind.HEALTH,
                List.of(new Switchboard(TelephoneNumber.parse("0118 974 6000"), null)));
        directory.markVerified(caller, health.id(), health.switchboards().get(0).id());
        DirectoryEntry charity = directory.addEntry(caller, "Helping Hands Charity", OrganisationKind.VOLUNTARY,
                List.of(new Switchboard(TelephoneNumber.parse("0118 900 1000"), null)));
        practitioner = fixtures.person(council, Role.PRACTITIONER);
        manager = fixtures.person(council, Role.MANAGER);
        dpo = fixtures.person(council, Role.DATA_PROTECTION_OFFICER);

        Visitor pages = fixtures.signIn(mvc, practitioner);
        draft = id(pages.post("/sharing/new", share(health, "recipientName", "Sam Nurse")), "/sharing/");
        awaiting = id(pages.post("/sharing/new", share(charity, "marking", "OFFICIAL_SENSITIVE:PERSONAL", "recipientName", "Pat Worker")), "/sharing/");
        LocalDate tomorrow = clock.instant().atZone(Dates.UK).toLocalDate().plusDays(1);
        custodyItem = id(pages.post("/custody/new", "kind", "PAPER", "description", "Case file C-2024-77", "reason", "Home visit",
                "dueDate", tomorrow.getDayOfMonth() + "/" + tomorrow.getMonthValue() + "/" + tomorrow.getYear(), "dueTime", "17:00",
                "safeguards", "hand.sealed-envelope", "safeguards", "hand.kept-close"), "/custody/");
        var found = clock.instant().minus(Duration.ofHours(2)).atZone(Dates.UK);
        incident = id(pages.post("/incidents/new", "whatHappened", "Bag left on the train",
                "discoveredDate", found.getDayOfMonth() + "/" + found.getMonthValue() + "/" + found.getYear(),
                "discoveredTime", String.format("%02d:%02d", found.getHour(), found.getMinute()), "peopleAffected", "3",
                "recordsAffected", "1", "consequences", "Family details could be read", "actionsTaken", "Rang lost property"), "/incidents/");
    }

    @Test
    void aPractitionerSeesTheirDraftsWaitingRecordsCustodyAndTheHub() throws Exception {
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            fixtures.signIn(browser, mvc, practitioner);
            String page = browser.text("main-content");
            assertThat(page).contains("Your records to finish", "Draft: complete the checklist and share", "Waiting for authorisation",
                    "Information you hold off site", "Due back", "Secure hub", "Go to the secure hub")
                    .doesNotContain("Waiting for your authorisation", "Incident reported");

            String draftReference = register.get(council.id(), draft).reference();
            assertThat(link(browser, draftReference + " to Wessex Health Trust")).isEqualTo("/sharing/" + draft + "/checklist");
            assertThat(link(browser, register.get(council.id(), awaiting).reference() + " to Helping Hands Charity"))
                    .isEqualTo("/sharing/" + awaiting);
            assertThat(link(browser, "Case file C-2024-77")).isEqualTo("/custody/" + custodyItem);
            assertThat(link(browser, "Go to the secure hub")).isEqualTo("/hub");

            browser.go(link(browser, draftReference + " to Wessex Health Trust"));
            assertThat(browser.text("main-content")).contains("Before you share");
            browser.go("/");
            browser.go(link(browser, "Case file C-2024-77"));
            assertThat(browser.text("main-content")).contains("Home visit");
        }
    }

    @Test
    void aManagerSeesAuthorisationsWaitingAndTheirAge() throws Exception {
        clock.advance(Duration.ofHours(30));
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            fixtures.signIn(browser, mvc, manager);
            String reference = register.get(council.id(), awaiting).reference();
            String page = browser.text("main-content");
            assertThat(page).contains("Waiting for your authorisation", "Waiting 1 day 6 hours", "Go to the secure hub")
                    .doesNotContain(register.get(council.id(), draft).reference());
            assertThat(link(browser, reference + " to Helping Hands Charity")).isEqualTo("/sharing/" + awaiting);
            browser.go(link(browser, reference + " to Helping Hands Charity"));
            assertThat(browser.driver().findElements(By.id("authorise"))).hasSize(1);
        } finally {
            clock.reset();
        }
    }

    @Test
    void anotherOrganisationsManagerSeesNoneOfThisWork() throws Exception {
        Account outsider = fixtures.person(fixtures.organisation("Other council"), Role.MANAGER, Role.DATA_PROTECTION_OFFICER);
        String page = fixtures.signIn(mvc, outsider).get("/").andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Go to the secure hub").doesNotContain("Helping Hands Charity", "Wessex Health Trust",
                "Waiting for your authorisation", "Incident reported", "Case file C-2024-77");
    }

    @Test
    void theDataProtectionOfficerSeesOpenIncidentsWithTheir72HourClock() throws Exception {
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            fixtures.signIn(browser, mvc, dpo);
            String page = browser.text("main-content");
            assertThat(page).contains("Incidents waiting for your decision", "left to decide whether to report to the ICO",
                    "Go to the secure hub");
            WebElement line = browser.driver().findElement(By.partialLinkText("Incident reported"));
            assertThat(URI.create(line.getDomProperty("href")).getPath()).isEqualTo("/incidents/" + incident);
            browser.go("/incidents/" + incident);
            assertThat(browser.text("main-content")).contains("Bag left on the train");
        }
    }

    /** The path a work-queue line links to, found by its exact text. */
    private static String link(Browser browser, String text) {
        return URI.create(browser.driver().findElement(By.linkText(text)).getDomProperty("href")).getPath();
    }

    private static UUID id(ResultActions result, String prefix) {
        String url = result.andReturn().getResponse().getRedirectedUrl();
        assertThat(url).startsWith(prefix);
        return UUID.fromString(url.substring(prefix.length(), prefix.length() + 36));
    }

    /** A routine telephone share as the form posts it; extra pairs override. */
    private static String[] share(DirectoryEntry entry, String... overrides) {
        List<String> fields = new ArrayList<>(List.of("formToken", UUID.randomUUID().toString(), "direction", "WE_SHARE",
                "subjectName", "Alex Example", "subjectDateOfBirth", "27/3/2015", "subjectReference", "C-1001",
                "information", "School attendance summary for this term", "categories", "PERSONAL", "marking", "OFFICIAL",
                "urgency", "ROUTINE", "purpose", "Health visitor assessment of the child's needs",
                "necessity", "The assessment cannot be done without attendance information",
                "lawfulBasis", "PUBLIC_TASK", "consentSought", "no", "consentNotSought", "WOULD_CAUSE_DELAY",
                "adviceFrom", "NONE", "decision", "SHARE", "decisionReasons", "Proportionate and necessary for the assessment",
                "channel", "TELEPHONE", "recipientEntry", entry.id().toString(), "recipientName", "Sam Nurse",
                "recipientJobTitle", "Health visitor", "recipientDepartment", "Children's community health", "personInformed", "YES"));
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            fields.set(fields.indexOf(overrides[i]) + 1, overrides[i + 1]);
        }
        return fields.toArray(String[]::new);
    }
}
