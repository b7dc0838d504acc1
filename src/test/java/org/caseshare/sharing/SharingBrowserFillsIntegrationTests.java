package org.caseshare.sharing;

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
import org.caseshare.support.Browser;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.system.Actor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the share form fills from what is already known, in a real headless Chromium, with
 * JavaScript on (axe-core on every page state) and off (issue #20): the answers given on "How should
 * I share this?" with one button, and a person already on the register, offered by their case
 * reference and used with one button. Each fill is said on the page, never silent.
 */
class SharingBrowserFillsIntegrationTests extends IntegrationTest {

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

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void theAnswersOfHowShouldIShareThisOpenTheFormFilledIn(boolean scripts) throws Exception {
        Account practitioner = practitioner();
        try (Browser browser = open(practitioner, scripts)) {
            browser.go("/decide").select("marking", "OFFICIAL_SENSITIVE:PERSONAL").click("urgency-URGENT")
                    .click("categories-CHILD_SAFEGUARDING").select("recipient", "POLICE").click("records").click("decide");
            PhoneJourneyBrowserIntegrationTests.axe(browser, scripts);
            browser.click("record-TELEPHONE");
            assertThat(browser.path()).isEqualTo("/sharing/new");
            assertThat(browser.text("from-decision")).contains("How should I share this?", "Check each before you save");
            assertThat(selected("marking", browser)).isEqualTo("OFFICIAL_SENSITIVE:PERSONAL");
            assertThat(selected("urgency", browser)).isEqualTo("URGENT");
            assertThat(checked(browser, "categories-CHILD_SAFEGUARDING")).isTrue();
            assertThat(checked(browser, "recipientType-POLICE")).isTrue();
            assertThat(checked(browser, "channel")).as("the telephone, the button pressed").isTrue();
            PhoneJourneyBrowserIntegrationTests.axe(browser, scripts);
            browser.screenshot("sharing-fills-01-from-decision" + (scripts ? "" : "-no-js"));
        }
    }

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void aPersonOnTheRegisterIsOfferedAndUsedWithOneButton(boolean scripts) throws Exception {
        Account practitioner = practitioner();
        String earlier = recordedAbout(practitioner);
        try (Browser browser = open(practitioner, scripts)) {
            browser.go("/sharing/new").type("subjectReference-0", "C-2024-17").click("find-person");
            assertThat(browser.text("register-offer-0-0")).contains(earlier, "Alex Example", "27 March 2015", "943 476 5919");
            assertThat(value(browser, "subjectName")).as("offered, not filled").isEmpty();
            PhoneJourneyBrowserIntegrationTests.axe(browser, scripts);
            browser.screenshot("sharing-fills-02-offer" + (scripts ? "" : "-no-js"));
            assertThat(browser.url()).as("back where the person was").endsWith("#people");

            browser.click("use-person-0-0");
            assertThat(browser.text("person-filled")).contains(earlier, "check them before you save");
            assertThat(value(browser, "subjectName")).isEqualTo("Alex Example");
            assertThat(value(browser, "subjectDateOfBirth-0")).isEqualTo("27/3/2015");
            assertThat(value(browser, "subjectNhsNumber-0")).isEqualTo("943 476 5919");
            PhoneJourneyBrowserIntegrationTests.axe(browser, scripts);
            browser.screenshot("sharing-fills-03-used" + (scripts ? "" : "-no-js"));

            browser.go("/sharing/new").type("subjectReference-0", "C-0000").click("find-person");
            assertThat(browser.text("register-no-match")).contains("Nobody on your register");
            PhoneJourneyBrowserIntegrationTests.axe(browser, scripts);
        }
    }

    private Account practitioner() {
        Organisation council = fixtures.organisation("Council");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        Actor caller = new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN));
        DirectoryEntry police = directory.addEntry(caller, "Thames Valley Police", OrganisationKind.POLICE,
                List.of(new Switchboard(TelephoneNumber.parse("0118 496 0999"), null)));
        directory.markVerified(caller, police.id(), police.switchboards().get(0).id());
        return fixtures.person(council, Role.PRACTITIONER);
    }

    /** A share about Alex Example recorded last term; its reference. */
    private String recordedAbout(Account practitioner) {
        Actor actor = new Actor(practitioner.id(), practitioner.organisationId(), practitioner.displayName(), Role.names(practitioner.roles()));
        String police = directory.search(practitioner.organisationId(), "").get(0).id().toString();
        var created = register.record(new ShareForm(UUID.randomUUID().toString(), "", "WE_SHARE", List.of("Alex Example"),
                List.of("27/3/2015"), List.of("C-2024-17"), "Attendance this term", List.of("PERSONAL"), "OFFICIAL", "ROUTINE",
                "Police welfare check", "They cannot check without it", "PUBLIC_TASK", "", "", "", "no", "WOULD_CAUSE_DELAY", "", "", "",
                "", "", "NONE", "", "SHARE", "Proportionate to the concern", "TELEPHONE", police, "", "", "Pat Officer", "Police constable",
                "Child protection", "", "", "", "", "YES", "", "", "", List.of("943 476 5919")), actor);
        assertThat(created.errors()).isEmpty();
        return register.get(practitioner.organisationId(), created.id()).reference();
    }

    private Browser open(Account practitioner, boolean scripts) throws Exception {
        Browser browser = Browser.open("http://localhost:" + port);
        fixtures.signIn(browser, mvc, practitioner);
        PhoneJourneyBrowserIntegrationTests.scripts(browser, scripts);
        return browser;
    }

    private static String selected(String id, Browser browser) {
        return browser.driver().findElement(By.cssSelector("#" + id + " option:checked")).getDomAttribute("value");
    }

    private static boolean checked(Browser browser, String id) {
        return browser.driver().findElement(By.id(id)).isSelected();
    }

    private static String value(Browser browser, String id) {
        return browser.driver().findElement(By.id(id)).getDomProperty("value");
    }
}
