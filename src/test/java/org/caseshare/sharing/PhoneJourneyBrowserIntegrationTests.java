package org.caseshare.sharing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.NamedContact;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.directory.Switchboard;
import org.caseshare.directory.TelephoneNumber;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.support.Browser;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.Keystrokes;
import org.caseshare.system.Actor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #20's measure: a telephone disclosure recorded as a new user would, in a real headless
 * Chromium, counting every page, field, character and click and pricing them with the
 * keystroke-level model ({@link Keystrokes}). A: the school is not in the directory; B: it is, with a
 * verified switchboard and the caller as a named contact; C: this organisation shared about the same
 * child before; and an emergency share. Each runs with JavaScript on (axe-core on every page) and off,
 * and asserts the counts, never a time; the estimate is printed for bench/ux/RESULTS.md.
 */
class PhoneJourneyBrowserIntegrationTests extends IntegrationTest {

    static final String CHILD = "Alex Example";
    static final String BORN = "27/3/2015";
    static final String SWITCHBOARD = "0118 496 0000";
    static final String MARKUP_IN_A_NAME = "Hill & <i>Dale</i> Nursery";

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

    record Council(UUID id, Account practitioner, DirectoryEntry school, String schoolContact, DirectoryEntry police, String policeContact) {
    }

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void scenarioA_theSchoolIsNotInTheDirectory(boolean scripts) throws Exception {
        Council c = council();
        try (Browser browser = open(c, scripts)) {
            Keystrokes person = new Keystrokes(browser, page -> axe(page, scripts));
            telephoneRequest(browser, person);
            aboutTheChild(person);
            person.choose("recipientType-SCHOOL").type("recipientOrganisation", "Brookside Academy").type("recipientName", "Sam Lee")
                    .type("recipientJobTitle", "Designated safeguarding lead").type("recipientDepartment", "Safeguarding")
                    .type("numberGiven", "0118 496 0123");
            whyAndDecision(person);
            onTheCall(person);
            SharingRecord record = shared(browser, c, person);
            report(person, "A", scripts, 1, 11);
            assertThat(record.content().recipient().organisation()).isEqualTo("Brookside Academy");
            assertThat(record.content().recipient().telephone()).as("the number given, typed once").isEqualTo("0118 496 0123");
            assertThat(record.callBack()).hasValueSatisfying(back -> assertThat(back.number()).isEqualTo("0118 496 0123"));
        }
    }

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void scenarioB_theSchoolAndTheCallerAreInTheDirectory(boolean scripts) throws Exception {
        Council c = council();
        try (Browser browser = open(c, scripts)) {
            Keystrokes person = new Keystrokes(browser, page -> axe(page, scripts));
            telephoneRequest(browser, person);
            aboutTheChild(person);
            // they rang from the school's switchboard, which the directory holds: a tick, not the number retyped
            fromTheDirectory(browser, person, scripts, c.schoolContact(), "");
            person.choose("numberFromDirectory");
            whyAndDecision(person);
            onTheCall(person);
            SharingRecord record = shared(browser, c, person);
            report(person, "B", scripts, 1, 6);
            theSchoolsContactIsRecorded(record);
        }
    }

    /**
     * B again, the school found by typing "Jo" into the type-ahead and clicking the one suggestion: a
     * person who knows the caller's name does this, at 0.28 s a character more than clicking to see
     * every entry, which is the path B measures.
     */
    @Test
    void scenarioB_theCallerTypedIntoTheTypeAhead() throws Exception {
        Council c = council();
        try (Browser browser = open(c, true)) {
            Keystrokes person = new Keystrokes(browser, page -> axe(page, true));
            telephoneRequest(browser, person);
            aboutTheChild(person);
            suggestionsAreText(browser);
            fromTheDirectory(browser, person, true, c.schoolContact(), "Jo");
            assertThat(browser.driver().findElement(By.id("recipientEntry__listbox")).isDisplayed()).as("the menu closes on the pick").isFalse();
            person.choose("numberFromDirectory");
            whyAndDecision(person);
            noPolicyViolations(browser);
            // and the listener does hear one: a style attribute set by a script is refused
            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('people').setAttribute('style', 'color: red')");
            assertThat(policyViolations(browser)).as("the listener hears a refused inline style").hasSize(1);
            onTheCall(person);
            SharingRecord record = shared(browser, c, person);
            report(person, "B (type-ahead, typed)", true, 1, 6);
            assertThat(person.characters()).as("two more than B's").isEqualTo(163);
            theSchoolsContactIsRecorded(record);
        }
    }

    /** The library puts suggestions in as HTML; a directory name is shown as typed, markup and all. */
    private static void suggestionsAreText(Browser browser) {
        WebElement field = browser.driver().findElement(By.id("recipientEntry"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        field.click();
        field.sendKeys("Dale");
        WebElement suggestion = browser.driver().findElement(By.id("recipientEntry__option--0"));
        assertThat(suggestion.getText()).isEqualTo(MARKUP_IN_A_NAME);
        assertThat(suggestion.findElements(By.tagName("i"))).isEmpty();
        field.sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE);
        assertThat(field.getDomProperty("value")).isEmpty();
    }

    private static void theSchoolsContactIsRecorded(SharingRecord record) {
        assertThat(record.content().recipient().name()).isEqualTo("Jo Head");
        assertThat(record.content().numberGiven()).isEqualTo(SWITCHBOARD);
        assertThat(record.content().numberCheck()).isEqualTo("VERIFIED_SWITCHBOARD");
        assertThat(record.callBack()).hasValueSatisfying(back -> assertThat(back.number()).isEqualTo(SWITCHBOARD));
    }

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void scenarioC_theSameChildWasSharedAboutBefore(boolean scripts) throws Exception {
        Council c = council();
        String earlier = sharedBefore(c);
        try (Browser browser = open(c, scripts)) {
            Keystrokes person = new Keystrokes(browser, page -> axe(page, scripts));
            // the register lists the earlier record; its page offers "Share again like this"
            person.press("nav-register").page().press("open-" + earlier).page().press("share-again").page();
            assertThat(browser.text("copied-from")).contains(earlier);
            person.type("information", "Attendance and welfare concerns this term").choose("numberFromDirectory")
                    .choose("consentSought-WOULD_CAUSE_DELAY")
                    .type("decisionReasons", "Proportionate to the concern").choose("personInformed");
            onTheCall(person);
            SharingRecord record = shared(browser, c, person);
            report(person, "C", scripts, 3, 2);
            assertThat(record.content().subjects()).extracting(Subject::name).containsExactly(CHILD);
            assertThat(record.content().recipient().name()).isEqualTo("Jo Head");
            assertThat(record.content().details().lawfulBasis()).isEqualTo(LawfulBasis.PUBLIC_TASK);
        }
    }

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void emergency_aRiskOfHarmIsSharedFirstAndRecordedAfter(boolean scripts) throws Exception {
        Council c = council();
        try (Browser browser = open(c, scripts)) {
            Keystrokes person = new Keystrokes(browser, page -> axe(page, scripts));
            // from the home page's "Record an emergency share": the form asks only what cannot wait
            browser.go("/");
            person.press("home-record-emergency").page();
            assertThat(browser.text("emergency-later")).contains("due later");
            person.type("subjectName", CHILD).type("subjectDateOfBirth-0", BORN)
                    .type("information", "Address and the threat made today")
                    .select("marking", "OFFICIAL_SENSITIVE:PERSONAL");
            fromTheDirectory(browser, person, scripts, c.policeContact(), "");
            person.type("purpose", "Police welfare check tonight");
            person.press("save");
            SharingRecord record = shared(browser, c, person);
            report(person, "emergency", scripts, 1, 4);
            assertThat(record.fullRecordDue()).isPresent();
            assertThat(record.content().details().lawfulBasis()).as("no basis the person did not choose").isNull();
        }
    }

    // --- the steps of the call, in the order a practitioner meets them

    /** The home page's "Record a telephone request": the link is the person's choice of direction and channel. */
    private static void telephoneRequest(Browser browser, Keystrokes person) {
        browser.go("/");
        person.press("home-record-call").page();
        assertThat(browser.driver().findElement(By.id("direction-REQUEST_RECEIVED")).isSelected()).isTrue();
        assertThat(browser.driver().findElement(By.id("channel")).isSelected()).as("telephone, the first way").isTrue();
    }

    /**
     * The directory pick: without JavaScript the drop-down; with it the type-ahead, as a person uses
     * it: a click (which shows every entry) and, if they like, a few characters, then a click on the
     * suggestion. The hidden drop-down carries the choice to the server.
     */
    private static void fromTheDirectory(Browser browser, Keystrokes person, boolean scripts, String value, String typed) {
        if (!scripts) {
            person.select("recipientEntry", value);
            return;
        }
        WebElement select = browser.driver().findElement(By.id("recipientEntry-select"));
        assertThat(select.isDisplayed()).as("the drop-down gives way to the type-ahead").isFalse();
        String label = select.findElement(By.cssSelector("option[value='" + value + "']")).getDomProperty("textContent");
        person.suggest("recipientEntry", typed, label);
        assertThat(new Select(select).getFirstSelectedOption().getDomAttribute("value")).as("the pick reaches the form").isEqualTo(value);
        assertThat(browser.driver().findElement(By.id("recipientEntry")).getDomProperty("value")).isEqualTo(label);
        noPolicyViolations(browser);
    }

    private static void aboutTheChild(Keystrokes person) {
        person.type("subjectName", CHILD).type("subjectDateOfBirth-0", BORN).type("information", "Attendance and welfare concerns this term")
                .select("marking", "OFFICIAL");
    }

    private static void whyAndDecision(Keystrokes person) {
        person.type("purpose", "School is assessing a welfare concern").type("necessity", "They cannot assess it without this")
                .choose("lawfulBasis")
                .choose("consentSought-WOULD_CAUSE_DELAY")
                .type("decisionReasons", "Proportionate to the concern").choose("personInformed");
    }

    /**
     * The end of the same page: one tick per group of statements read together, the "On the call"
     * tick also saying the caller was called back on their switchboard and confirmed; then the share.
     */
    private static void onTheCall(Keystrokes person) {
        person.chooseEvery("safeguard");
        person.press("share");
    }

    private SharingRecord shared(Browser browser, Council c, Keystrokes person) {
        person.end();
        assertThat(browser.text("status")).isEqualTo("Shared");
        assertThat(browser.text("shared-reference")).startsWith("CS-");
        SharingRecord record = register.get(c.id(), UUID.fromString(browser.path().substring("/sharing/".length())));
        holdsWhatTheGuideAsksToRecord(record);
        if (record.fullRecordDue().isEmpty()) {
            // an emergency goes first; every other share has each safeguard confirmed, stamped with who
            assertThat(record.unconfirmedSafeguards()).as("every safeguard confirmed").isEmpty();
            assertThat(record.confirmations().values()).as("each stamped with who").allSatisfy(stamp ->
                    assertThat(stamp.accountId()).isEqualTo(c.practitioner().id()));
        }
        return record;
    }

    /**
     * The guide's "Recording the information sharing": the date and time, the reason, the type of
     * information, who authorised it where that applies, how it was shared, and the recipient's name,
     * job title, organisation and telephone number.
     */
    static void holdsWhatTheGuideAsksToRecord(SharingRecord record) {
        SharingRecord.Content c = record.content();
        assertThat(record.sharedAt()).as("date and time shared").isPresent();
        assertThat(c.purpose()).as("reason for sharing").isNotBlank();
        assertThat(c.categories()).as("type of information").isNotEmpty();
        assertThat(c.information()).as("what was shared").isNotBlank();
        assertThat(record.authorisation().isPresent()).as("who authorised it, where the policy asks").isEqualTo(record.policy().authoriser().isPresent());
        assertThat(c.channel()).as("how it was shared").isNotNull();
        assertThat(c.recipient().name()).as("recipient's name").isNotBlank();
        assertThat(c.recipient().jobTitle()).as("recipient's job title").isNotBlank();
        assertThat(c.recipient().organisation()).as("recipient's organisation").isNotBlank();
        assertThat(c.recipient().telephone()).as("recipient's telephone").isNotBlank();
    }

    private static void report(Keystrokes person, String scenario, boolean scripts, int pages, int typed) {
        System.out.println("UX " + person.line(scenario) + (scripts ? "" : " (JavaScript off)"));
        System.out.println("UX-DETAIL " + person.detail(scenario) + (scripts ? "" : " JavaScript off"));
        assertThat(person.pages()).as("pages to fill").isEqualTo(pages);
        assertThat(person.textFields()).as("text fields typed").isEqualTo(typed);
    }

    // --- the world of the scenarios

    Council council() {
        Organisation council = fixtures.organisation("Council");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        Actor caller = new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN));
        DirectoryEntry school = directory.addEntry(caller, "Oakfield Primary School", OrganisationKind.SCHOOL,
                List.of(new Switchboard(TelephoneNumber.parse(SWITCHBOARD), null)));
        directory.markVerified(caller, school.id(), school.switchboards().get(0).id());
        var head = directory.addContactPoint(caller, school.id(), new NamedContact("Jo Head", "Designated safeguarding lead", "Safeguarding", null, null));
        DirectoryEntry police = directory.addEntry(caller, "Thames Valley Police", OrganisationKind.POLICE,
                List.of(new Switchboard(TelephoneNumber.parse("0118 496 0999"), null)));
        directory.markVerified(caller, police.id(), police.switchboards().get(0).id());
        directory.addEntry(caller, MARKUP_IN_A_NAME, OrganisationKind.SCHOOL, List.of(new Switchboard(TelephoneNumber.parse("0118 496 0555"), null)));
        var officer = directory.addContactPoint(caller, police.id(), new NamedContact("Pat Officer", "Police constable", "Child protection", null, null));
        return new Council(council.id(), fixtures.person(council, Role.PRACTITIONER), school, school.id() + ":" + head.id(), police,
                police.id() + ":" + officer.id());
    }

    /** Scenario C's history: the same child, the same school, recorded by a colleague last term. */
    String sharedBefore(Council c) {
        Account colleague = c.practitioner();
        Actor actor = new Actor(colleague.id(), c.id(), colleague.displayName(), Role.names(colleague.roles()));
        var created = register.record(new ShareForm(UUID.randomUUID().toString(), "", "REQUEST_RECEIVED", List.of(CHILD), List.of(BORN),
                List.of(""), "Attendance this term", List.of("PERSONAL"), "OFFICIAL", "ROUTINE", "School is assessing a welfare concern",
                "They cannot assess it without this", "PUBLIC_TASK", "", "", "", "no", "WOULD_CAUSE_DELAY", "", "", "", "", "", "NONE", "",
                "SHARE", "Proportionate to the concern", "TELEPHONE", c.schoolContact(), "", "", "", "", "", "", "", "", SWITCHBOARD, "YES",
                "", "", ""), actor);
        assertThat(created.errors()).isEmpty();
        return register.get(c.id(), created.id()).reference();
    }

    private Browser open(Council c, boolean scripts) throws Exception {
        Browser browser = Browser.open("http://localhost:" + port);
        if (scripts) {
            listenForPolicyViolations(browser);
        }
        fixtures.signIn(browser, mvc, c.practitioner());
        scripts(browser, scripts);
        return browser;
    }

    /**
     * With scripts on, a listener Chromium adds to every page before the page's own scripts (so the
     * content security policy does not apply to it) notes each violation of the policy.
     */
    static void listenForPolicyViolations(Browser browser) {
        ((HasCdp) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.policyViolations = []; document.addEventListener('securitypolicyviolation',"
                        + " (e) => window.policyViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile));"));
    }

    /** Nothing the type-ahead does (inline styles, its menu, its arrow) is blocked by the policy. */
    static void noPolicyViolations(Browser browser) {
        assertThat(policyViolations(browser)).as("content security policy violations").isEmpty();
    }

    /** The violations noted so far, read in a task after those already queued (the events come in tasks of their own). */
    static List<?> policyViolations(Browser browser) {
        Object violations = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; setTimeout(() => done(window.policyViolations), 0);");
        assertThat(violations).as("the listener is on the page").isNotNull();
        return (List<?>) violations;
    }

    /** Scripts off in Chromium itself when asked, and checked: no script ran on the home page. */
    static void scripts(Browser browser, boolean scripts) {
        if (!scripts) {
            ((HasCdp) browser.driver()).executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
            browser.go("/");
            assertThat(browser.driver().findElement(By.tagName("body")).getDomAttribute("class")).as("no script ran")
                    .doesNotContain("js-enabled");
        }
    }

    /** axe-core (WCAG 2.2 AA) on the page shown; it needs scripts, so it runs in the JavaScript-on journeys. */
    static void axe(Browser browser, boolean scripts) {
        if (!scripts) {
            return;
        }
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")).analyze(browser.driver());
        assertThat(results.getViolations()).as("axe-core violations on %s: %s", browser.path(),
                results.getViolations().stream().map(Rule::getId).toList()).isEmpty();
        assertThat(results.getPasses()).as("axe-core ran its rules").isNotEmpty();
    }
}
