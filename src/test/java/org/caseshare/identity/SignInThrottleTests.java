package org.caseshare.identity;

import java.util.Locale;

import org.caseshare.audit.AuditEntry;
import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.Organisation;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.TestClock;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sign-in throttling as the security review probed it: failures count against the account however
 * its name is typed, correct sign-ins cost nothing, and a spray of made-up names resets nobody.
 */
abstract class SignInThrottleTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestClock clock;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;
    @Value("${caseshare.identity.throttle.capacity}")
    int capacity;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void failuresCountAgainstTheAccountHoweverItsNameIsTyped() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        failFiveTimes(person);

        // Each spelling comes from a fresh address, so only the account's count can stop it.
        new Visitor(mvc).post("/login", "email", person.id().toString().toUpperCase(Locale.ROOT), "password", Fixtures.PASSWORD)
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        new Visitor(mvc).post("/login", "email", "  " + fullWidth(person.email().toUpperCase(Locale.ROOT)) + " ", "password", Fixtures.PASSWORD)
                .andExpect(status().isTooManyRequests());
        // UUID.fromString also accepts other 36-character spellings, e.g. with the version digit in Arabic-Indic.
        String id = person.id().toString();
        String respelt = id.substring(0, 14) + "\u0664" + id.substring(15);
        new Visitor(mvc).post("/login", "email", respelt, "password", Fixtures.PASSWORD).andExpect(status().isTooManyRequests());
    }

    @Test
    void thePasswordFormDoesNotAcceptAnAccountId() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        new Visitor(mvc).post("/login", "email", person.id().toString(), "password", Fixtures.PASSWORD)
                .andExpect(redirectedUrl("/login?error"));
        new Visitor(mvc).post("/login", "email", person.id().toString().toUpperCase(Locale.ROOT), "password", Fixtures.PASSWORD)
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void correctSignInsDoNotUseUpTheFailureAllowance() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        fixtures.signIn(mvc, person); // enrols the second factor
        for (int signIn = 0; signIn < 6; signIn++) {
            Visitor browser = new Visitor(mvc);
            browser.post("/login", "email", person.email(), "password", Fixtures.PASSWORD).andExpect(redirectedUrl("/mfa"));
            browser.post("/mfa", "code", fixtures.nextCode(person.email())).andExpect(redirectedUrl("/"));
        }
    }

    @Test
    void aSprayOfMadeUpNamesDoesNotResetARealAccountsCount() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        failFiveTimes(person);
        Visitor sprayer = new Visitor(mvc);
        for (int name = 0; name < capacity + 50; name++) {
            if (name % 50 == 0) {
                sprayer = new Visitor(mvc); // a botnet: the address bucket does not stop it
            }
            sprayer.post("/login", "email", Fixtures.unique("made-up") + "@example.org", "password", "guess")
                    .andExpect(redirectedUrl("/login?error"));
        }
        new Visitor(mvc).post("/login", "email", person.email(), "password", Fixtures.PASSWORD)
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void aFailedSignInIsInTheTrailOfTheAccountsOrganisationOnly() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Organisation other = fixtures.organisation("Other council");
        Account person = fixtures.person(council, Role.PRACTITIONER);
        Visitor councilDpo = fixtures.signIn(mvc, fixtures.person(council, Role.DATA_PROTECTION_OFFICER));
        Visitor otherDpo = fixtures.signIn(mvc, fixtures.person(other, Role.DATA_PROTECTION_OFFICER));
        Visitor attacker = new Visitor(mvc);

        attacker.post("/login", "email", person.email(), "password", "a wrong password").andExpect(redirectedUrl("/login?error"));

        AuditEntry failure = audit.latest(council.id(), 20).stream().filter(e -> e.action().equals("login.failure")).findFirst().orElseThrow();
        assertThat(failure.target()).isEqualTo("account:" + person.id());
        assertThat(failure.clientAddress()).isEqualTo(attacker.address());
        assertThat(failure.toString()).doesNotContain(person.email()).doesNotContain("a wrong password");
        String seen = councilDpo.get("/audit?action=login.failure").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(seen).contains("account:" + person.id()).contains(attacker.address());
        String notSeen = otherDpo.get("/audit?action=login.failure").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(notSeen).doesNotContain("account:" + person.id());
    }

    @Test
    void aFailedSignInForAnUnknownNameHasNoOrganisationAndNotTheName() throws Exception {
        String madeUp = Fixtures.unique("nobody") + "@example.org";
        Visitor attacker = new Visitor(mvc);
        attacker.post("/login", "email", madeUp, "password", "guess").andExpect(redirectedUrl("/login?error"));
        AuditEntry failure = audit.latestWithAction("login.failure", 1).get(0);
        assertThat(failure.organisationId()).isNull();
        assertThat(failure.clientAddress()).isEqualTo(attacker.address());
        assertThat(failure.toString()).doesNotContain(madeUp);

        // It shows in the system administrator's view of the entries of no organisation, and only there.
        Organisation council = fixtures.organisation("Council");
        Account operator = fixtures.person(council, Role.ORGANISATION_ADMIN);
        // A system administrator only for this check: the first-run setup test needs a database with none.
        jdbc.sql("update account set system_admin = true where id = ?").param(operator.id()).update();
        String system;
        try {
            system = fixtures.signIn(mvc, operator).get("/audit/system?action=login.failure").andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
        } finally {
            jdbc.sql("update account set system_admin = false where id = ?").param(operator.id()).update();
        }
        assertThat(system).contains("System audit trail").contains(attacker.address()).doesNotContain(madeUp);
        Visitor dpo = fixtures.signIn(mvc, fixtures.person(council, Role.DATA_PROTECTION_OFFICER));
        dpo.get("/audit/system").andExpect(status().isForbidden());
        assertThat(dpo.get("/audit?action=login.failure").andReturn().getResponse().getContentAsString()).doesNotContain(attacker.address());
    }

    private void failFiveTimes(Account person) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            new Visitor(mvc).post("/login", "email", person.email(), "password", "guess number " + attempt)
                    .andExpect(redirectedUrl("/login?error"));
        }
    }

    /** The same text in Unicode's full-width forms, which NFKC folds back to ASCII. */
    private static String fullWidth(String text) {
        StringBuilder wide = new StringBuilder();
        text.chars().forEach(c -> wide.append(c > 0x20 && c < 0x7f ? (char) (c - 0x21 + 0xFF01) : (char) c));
        return wide.toString();
    }
}
