package org.caseshare.identity;

import java.time.Duration;

import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.Organisation;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.TestClock;
import org.caseshare.support.Totp;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sign-in as a person does it: password, second factor, sessions that end when they should. */
abstract class SignInJourneyTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestClock clock;
    @Autowired
    Members members;
    @Autowired
    AuditTrail audit;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void whatAPersonDoesOnThePagesAfterAPasswordSignInIsAuditedAsByPassword() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        Account admin = fixtures.person(organisation, Role.ORGANISATION_ADMIN);
        Visitor browser = fixtures.signIn(mvc, admin);

        browser.post("/organisation/members/invitations", "email", Fixtures.unique("invitee") + "@council.example.org", "role", "MANAGER")
                .andExpect(redirectedUrl("/organisation/members"));

        assertThat(audit.latest(organisation.id(), 10)).filteredOn(e -> e.action().equals("invitation.created")).singleElement()
                .satisfies(e -> assertThat(e.details()).contains("\"via\":\"password\""));
        assertThat(audit.latest(organisation.id(), 10)).filteredOn(e -> e.action().equals("login.success")).first()
                .satisfies(e -> assertThat(e.details()).contains("\"factor\":\"totp\"").contains("\"via\":\"password\""));
    }

    @Test
    void firstSignInEnrolsTheSecondFactorAndOnlyThenOpensThePages() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        Account person = fixtures.person(organisation, Role.PRACTITIONER);
        Visitor browser = new Visitor(mvc);

        browser.post("/login", "email", person.email(), "password", Fixtures.PASSWORD).andExpect(redirectedUrl("/mfa/enrol"));
        // Half signed in: every page sends the person back to finish the second factor.
        browser.get("/").andExpect(redirectedUrl("/mfa"));
        browser.get("/organisation/members").andExpect(redirectedUrl("/mfa"));
        browser.post("/account/tokens", "name", "too early").andExpect(status().isForbidden());

        browser.get("/mfa/enrol").andExpect(status().isOk()).andExpect(content().string(containsString("data:image/png;base64,")));
        browser.post("/mfa/enrol", "code", "000000").andExpect(status().isOk())
                .andExpect(content().string(containsString("The code is not correct")));
        // A wrong code draws a fresh seed: the one shown before is no longer valid.
        String seed = Fixtures.manualKey(browser.get("/mfa/enrol").andReturn().getResponse().getContentAsString());
        browser.post("/mfa/enrol", "code", Totp.code(seed, Totp.step(clock.instant()))).andExpect(redirectedUrl("/account/recovery-codes/first"));

        browser.get("/").andExpect(status().isOk()).andExpect(content().string(containsString("<span>Welcome,</span> <span>Test Practitioner</span>")));
        assertThat(members.findById(person.id()).orElseThrow().totpEnabled()).isTrue();
        assertThat(audit.latest(organisation.id(), 10)).extracting(e -> e.action()).contains("mfa.enrolled", "login.success", "login.password");
    }

    @Test
    void theSessionIdChangesAtSignInAndAgainAfterTheSecondFactor() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        fixtures.signIn(mvc, person); // enrols the second factor
        Visitor browser = new Visitor(mvc);
        browser.get("/account"); // an anonymous session exists before sign-in
        String before = browser.sessionCookie();
        browser.post("/login", "email", person.email(), "password", Fixtures.PASSWORD).andExpect(redirectedUrl("/mfa"));
        String afterPassword = browser.sessionCookie();
        browser.post("/mfa", "code", fixtures.nextCode(person.email())).andExpect(redirectedUrl("/"));
        String afterCode = browser.sessionCookie();
        assertThat(afterPassword).isNotNull().isNotEqualTo(before);
        assertThat(afterCode).isNotNull().isNotEqualTo(afterPassword);
        browser.get("/").andExpect(status().isOk());
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGiveTheSameMessage() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        Visitor browser = new Visitor(mvc);
        browser.post("/login", "email", person.email(), "password", "wrong password here").andExpect(redirectedUrl("/login?error"));
        browser.post("/login", "email", "nobody-" + person.email(), "password", "wrong password here").andExpect(redirectedUrl("/login?error"));
        browser.get("/login?error").andExpect(content().string(containsString("Enter a correct email address and password")));
        assertThat(audit.latestWithAction("login.failure", 2)).hasSize(2);
    }

    @Test
    void aCodeCannotBeUsedTwice() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        fixtures.signIn(mvc, person);
        clock.advance(Duration.ofSeconds(150));
        String code = Totp.code(fixtures.seed(person.email()), Totp.step(clock.instant()));
        Visitor first = passwordOnly(person);
        first.post("/mfa", "code", code).andExpect(redirectedUrl("/"));
        Visitor second = passwordOnly(person);
        second.post("/mfa", "code", code).andExpect(status().isOk()).andExpect(content().string(containsString("already been used")));
        second.get("/").andExpect(redirectedUrl("/mfa"));
    }

    @Test
    void disablingAnAccountEndsItsSessionsAtOnce() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        Account admin = fixtures.person(organisation, Role.ORGANISATION_ADMIN);
        Account person = fixtures.person(organisation, Role.PRACTITIONER);
        Visitor adminBrowser = fixtures.signIn(mvc, admin);
        Visitor personBrowser = fixtures.signIn(mvc, person);
        personBrowser.get("/").andExpect(status().isOk());

        adminBrowser.post("/organisation/members/" + person.id() + "/disable").andExpect(redirectedUrl("/organisation/members/" + person.id()));

        personBrowser.get("/").andExpect(status().is3xxRedirection());
        new Visitor(mvc).post("/login", "email", person.email(), "password", Fixtures.PASSWORD).andExpect(redirectedUrl("/login?error"));
        assertThat(audit.latest(organisation.id(), 5)).extracting(e -> e.action()).contains("account.disabled");
    }

    @Test
    void changingRolesEndsTheMembersSessionsSoTheNewRolesApply() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        Account admin = fixtures.person(organisation, Role.ORGANISATION_ADMIN);
        Account person = fixtures.person(organisation, Role.ORGANISATION_ADMIN);
        Visitor personBrowser = fixtures.signIn(mvc, person);
        personBrowser.get("/organisation/members").andExpect(status().isOk());

        fixtures.signIn(mvc, admin).post("/organisation/members/" + person.id() + "/roles", "roles", "PRACTITIONER")
                .andExpect(redirectedUrl("/organisation/members/" + person.id()));

        personBrowser.get("/organisation/members").andExpect(status().is3xxRedirection());
        fixtures.signIn(mvc, person).get("/organisation/members").andExpect(status().isForbidden());
    }

    @Test
    void aSessionEndsAtItsAbsoluteLimitHoweverActive() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        Visitor browser = fixtures.signIn(mvc, person);
        browser.get("/").andExpect(status().isOk());
        clock.advance(Duration.ofHours(10).plusMinutes(1));
        browser.get("/").andExpect(redirectedUrl("/login?ended"));
    }

    @Test
    void signingOutEverywhereEndsEveryOtherSession() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        Visitor laptop = fixtures.signIn(mvc, person);
        Visitor desktop = fixtures.signIn(mvc, person);
        desktop.get("/").andExpect(status().isOk());
        laptop.post("/account/sign-out-everywhere").andExpect(redirectedUrl("/login?signedout"));
        desktop.get("/").andExpect(status().is3xxRedirection());
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        Visitor browser = fixtures.signIn(mvc, person);
        browser.post("/logout").andExpect(redirectedUrl("/login?signedout"));
        browser.get("/").andExpect(redirectedUrl("/login"));
    }

    @Test
    void guessingPasswordsForOneAccountIsThrottledWith429AndRetryAfter() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        Visitor attacker = new Visitor(mvc);
        for (int attempt = 0; attempt < 5; attempt++) {
            attacker.post("/login", "email", person.email(), "password", "guess number " + attempt).andExpect(redirectedUrl("/login?error"));
        }
        attacker.post("/login", "email", person.email(), "password", Fixtures.PASSWORD)
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        // Another person at the same office address is not locked out.
        Account colleague = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        attacker.post("/login", "email", colleague.email(), "password", Fixtures.PASSWORD).andExpect(redirectedUrl("/mfa/enrol"));
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        Visitor browser = fixtures.signIn(mvc, person);
        browser.postWithoutCsrf("/account/tokens", "name", "no token").andExpect(status().isForbidden());
    }

    private Visitor passwordOnly(Account person) throws Exception {
        Visitor browser = new Visitor(mvc);
        browser.post("/login", "email", person.email(), "password", Fixtures.PASSWORD).andExpect(redirectedUrl("/mfa"));
        return browser;
    }
}
