package org.caseshare.identity;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.caseshare.audit.AuditTrail;
import org.caseshare.cli.CaseshareCommandLine;
import org.caseshare.directory.Organisation;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Recovery codes for a lost second factor, and passwords set by someone else that must be changed. */
abstract class RecoveryCodeTests extends IntegrationTest {

    private static final Pattern CODE = Pattern.compile(">([A-Z2-9]{5}-[A-Z2-9]{5})<");

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AuditTrail audit;
    @Autowired
    Members members;
    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void tenCodesAreShownOnceAfterEnrolmentAndEachWorksOnceInsteadOfTheAuthenticator() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        Account person = fixtures.person(organisation, Role.PRACTITIONER);
        Visitor enrolled = fixtures.signIn(mvc, person);
        List<String> codes = codes(enrolled.get("/account/recovery-codes/first").andExpect(status().isOk()));
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        enrolled.get("/account/recovery-codes/first").andExpect(redirectedUrl("/"));

        Visitor lostPhone = passwordOnly(person);
        lostPhone.get("/mfa").andExpect(content().string(containsString("Use a recovery code instead")));
        lostPhone.post("/mfa/recovery", "code", "ABCDE-FGHJK").andExpect(status().isOk())
                .andExpect(content().string(containsString("The recovery code is not correct or has already been used")));
        lostPhone.post("/mfa/recovery", "code", codes.get(3).toLowerCase().replace("-", " ")).andExpect(redirectedUrl("/account"))
                .andExpect(flash().attribute("notice", containsString("You have 9 recovery codes left")));
        lostPhone.get("/").andExpect(status().isOk());
        // What the person does in this session is audited as having come in by a recovery code.
        lostPhone.post("/account/tokens", "name", "after recovery").andExpect(status().isOk());
        assertThat(audit.latest(organisation.id(), 10)).filteredOn(e -> e.action().equals("token.created")).singleElement()
                .satisfies(e -> assertThat(e.details()).contains("\"via\":\"recovery-code\""));
        assertThat(audit.latest(organisation.id(), 10)).filteredOn(e -> e.action().equals("mfa.recovery-code-used")
                && e.outcome().equals("SUCCESS")).singleElement()
                .satisfies(e -> assertThat(e.details()).contains("recovery-code", "9").doesNotContain(codes.get(3)));

        Visitor again = passwordOnly(person);
        again.post("/mfa/recovery", "code", codes.get(3)).andExpect(status().isOk())
                .andExpect(content().string(containsString("already been used")));
        again.get("/").andExpect(redirectedUrl("/mfa"));
    }

    @Test
    void guessingRecoveryCodesIsThrottledLikeSecurityCodes() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        List<String> codes = codes(fixtures.signIn(mvc, person).get("/account/recovery-codes/first"));
        Visitor guesser = passwordOnly(person);
        for (int attempt = 0; attempt < 5; attempt++) {
            guesser.post("/mfa/recovery", "code", "ABCDE-2345" + (attempt + 5)).andExpect(status().isOk());
        }
        guesser.post("/mfa/recovery", "code", codes.get(0)).andExpect(status().isTooManyRequests())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().exists("Retry-After"));
        guesser.get("/").andExpect(redirectedUrl("/mfa"));
    }

    @Test
    void newCodesFromTheAccountPageStopTheOldOnesAndAnAdminResetWipesThem() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        Account admin = fixtures.person(organisation, Role.ORGANISATION_ADMIN);
        Account person = fixtures.person(organisation, Role.PRACTITIONER);
        Visitor browser = fixtures.signIn(mvc, person);
        List<String> old = codes(browser.get("/account/recovery-codes/first"));
        List<String> fresh = codes(browser.post("/account/recovery-codes").andExpect(status().isOk()));
        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(old);
        passwordOnly(person).post("/mfa/recovery", "code", old.get(0)).andExpect(status().isOk());

        fixtures.signIn(mvc, admin).post("/organisation/members/" + person.id() + "/reset-mfa")
                .andExpect(redirectedUrl("/organisation/members/" + person.id()));
        Visitor afterReset = new Visitor(mvc);
        afterReset.post("/login", "email", person.email(), "password", Fixtures.PASSWORD).andExpect(redirectedUrl("/mfa/enrol"));
        afterReset.post("/mfa/recovery", "code", fresh.get(0)).andExpect(redirectedUrl("/mfa/enrol"));
        assertThat(audit.latest(organisation.id(), 10)).extracting(e -> e.action()).contains("mfa.reset");
    }

    @Test
    void aPasswordFromTheCommandLineMustBeChangedBeforeAnyPageButNotForTheApi() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        String email = Fixtures.unique("cli.user") + "@council.example.org";
        String temporary = cli("admin", "user", "create", "--org", organisation.name(), "--email", email, "--role", "practitioner");
        Account person = members.findByEmail(email).orElseThrow();
        String token = fixtures.token(person);

        Visitor browser = new Visitor(mvc);
        browser.post("/login", "email", email, "password", temporary).andExpect(redirectedUrl("/mfa/enrol"));
        String seed = Fixtures.manualKey(browser.get("/mfa/enrol").andReturn().getResponse().getContentAsString());
        browser.post("/mfa/enrol", "code", org.caseshare.support.Totp.code(seed, org.caseshare.support.Totp.step(java.time.Instant.now())))
                .andExpect(redirectedUrl("/account/recovery-codes/first"));
        assertThat(codes(browser.get("/account/recovery-codes/first").andExpect(status().isOk()))).hasSize(10);
        browser.get("/").andExpect(redirectedUrl("/account/password"));
        browser.get("/sharing").andExpect(redirectedUrl("/account/password"));
        browser.post("/account/tokens", "name", "sneaky").andExpect(redirectedUrl("/account/password"));
        browser.get("/account/password").andExpect(status().isOk()).andExpect(content().string(containsString("set by someone else")));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        browser.post("/account/password", "currentPassword", temporary, "newPassword", "password1234")
                .andExpect(status().isOk()).andExpect(content().string(containsString("This password is too common")));
        browser.post("/account/password", "currentPassword", temporary, "newPassword", PasswordRecoveryTests.NEW_PASSWORD)
                .andExpect(redirectedUrl("/account"));
        browser.get("/").andExpect(status().isOk());

        // An admin's reset from the command line: a new temporary password, to be changed again.
        String second = cli("admin", "user", "reset-password", "--email", email);
        browser.get("/").andExpect(status().is3xxRedirection()); // sessions ended
        Visitor next = new Visitor(mvc);
        next.post("/login", "email", email, "password", second).andExpect(redirectedUrl("/mfa"));
        assertThat(audit.latest(organisation.id(), 20)).extracting(e -> e.action())
                .contains("password.must-change", "password.changed", "password.set-by-admin");
    }

    private String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = CaseshareCommandLine.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(status).as(err.toString()).isZero();
        String[] lines = out.toString().strip().split("\\R");
        return lines[lines.length - 1];
    }

    private static List<String> codes(org.springframework.test.web.servlet.ResultActions page) throws Exception {
        Matcher matcher = CODE.matcher(page.andReturn().getResponse().getContentAsString());
        List<String> codes = new ArrayList<>();
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }

    private Visitor passwordOnly(Account person) throws Exception {
        Visitor browser = new Visitor(mvc);
        browser.post("/login", "email", person.email(), "password", Fixtures.PASSWORD).andExpect(redirectedUrl("/mfa"));
        return browser;
    }
}
