package org.caseshare.identity;

import java.time.Duration;

import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.TestClock;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * OWASP's device cookies: one attacker behind a council's shared address cannot lock the office or
 * the account's owner out, while guessing from anywhere else is still stopped.
 */
abstract class DeviceCookieTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aFullSignInGivesTheBrowserASecureDeviceCookie() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        fixtures.signIn(mvc, person);
        Visitor browser = new Visitor(mvc);
        browser.post("/login", "email", person.email(), "password", Fixtures.PASSWORD).andExpect(redirectedUrl("/mfa"));
        String setCookie = browser.post("/mfa", "code", fixtures.nextCode(person.email())).andExpect(redirectedUrl("/"))
                .andReturn().getResponse().getHeaders("Set-Cookie").stream()
                .filter(h -> h.startsWith(Visitor.DEVICE_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("Path=/", "Secure", "HttpOnly", "SameSite=Strict", "Max-Age=").doesNotContain("Domain=")
                .doesNotContain(person.email());
    }

    @Test
    void anAttackerAtTheOfficeAddressDoesNotLockOutABrowserWithADeviceCookie() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        fixtures.signIn(mvc, person); // enrols the second factor
        Visitor office = signedInAndOut(new Visitor(mvc), person);
        assertThat(office.deviceCookie()).isNotNull();

        Visitor attacker = new Visitor(mvc, office.address());
        lockOut(attacker, person);

        office.post("/login", "email", person.email(), "password", Fixtures.PASSWORD).andExpect(redirectedUrl("/mfa"));
        office.post("/mfa", "code", fixtures.nextCode(person.email())).andExpect(redirectedUrl("/"));
        office.get("/").andExpect(status().isOk());
        new Visitor(mvc, office.address()).post("/login", "email", person.email(), "password", Fixtures.PASSWORD)
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        new Visitor(mvc).post("/login", "email", person.email(), "password", Fixtures.PASSWORD)
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
    }

    @Test
    void aDeviceCookieThatFailsTooOftenIsLockedOutItself() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        fixtures.signIn(mvc, person);
        Visitor stolen = signedInAndOut(new Visitor(mvc), person);
        for (int attempt = 0; attempt < 5; attempt++) {
            stolen.post("/login", "email", person.email(), "password", "guess " + attempt).andExpect(redirectedUrl("/login?error"));
        }
        stolen.post("/login", "email", person.email(), "password", Fixtures.PASSWORD)
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        // Its failures were its own: the account's owner on another browser is not locked out.
        new Visitor(mvc).post("/login", "email", person.email(), "password", Fixtures.PASSWORD).andExpect(redirectedUrl("/mfa"));
    }

    @Test
    void aForgedExpiredOrOtherAccountsDeviceCookieIsIgnored() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        Account colleague = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        fixtures.signIn(mvc, person);
        fixtures.signIn(mvc, colleague);
        String genuine = signedInAndOut(new Visitor(mvc), person).deviceCookie();
        String colleagues = signedInAndOut(new Visitor(mvc), colleague).deviceCookie();
        lockOut(new Visitor(mvc), person);

        assertRefused(person, colleagues);
        assertRefused(person, genuine.replace(person.id().toString(), colleague.id().toString()));
        assertRefused(person, colleagues.replace(colleague.id().toString(), person.id().toString()));
        String tag = genuine.substring(genuine.lastIndexOf('.') + 1);
        assertRefused(person, genuine.substring(0, genuine.lastIndexOf('.') + 1) + (tag.charAt(0) == 'A' ? 'B' : 'A') + tag.substring(1));
        assertRefused(person, "v2." + person.id() + ".0.made-up-nonce.99999999999.AAAA");

        clock.advance(Duration.ofDays(31));
        assertRefused(person, genuine);
    }

    private void assertRefused(Account person, String deviceCookie) throws Exception {
        Visitor browser = new Visitor(mvc);
        browser.deviceCookie(deviceCookie);
        browser.post("/login", "email", person.email(), "password", Fixtures.PASSWORD)
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
    }

    /** Signs in with password and code, which leaves a device cookie, then signs out. */
    private Visitor signedInAndOut(Visitor browser, Account person) throws Exception {
        browser.post("/login", "email", person.email(), "password", Fixtures.PASSWORD).andExpect(redirectedUrl("/mfa"));
        browser.post("/mfa", "code", fixtures.nextCode(person.email())).andExpect(redirectedUrl("/"));
        browser.post("/logout").andExpect(redirectedUrl("/login?signedout"));
        return browser;
    }

    /** Fails the account's allowance, then uses up the address's (on the locked account, so cheaply). */
    private void lockOut(Visitor attacker, Account person) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            attacker.post("/login", "email", person.email(), "password", "guess " + attempt).andExpect(redirectedUrl("/login?error"));
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            attacker.post("/login", "email", person.email(), "password", "guess").andExpect(status().isTooManyRequests());
        }
    }
}
