package org.caseshare.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import org.caseshare.audit.AuditTrail;
import org.caseshare.identity.Account;
import org.caseshare.identity.AccountStatus;
import org.caseshare.identity.ApiTokens;
import org.caseshare.identity.Members;
import org.caseshare.identity.Role;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admin command line, run against the application's own context and database. */
abstract class AdminCommandsTests extends IntegrationTest {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    Members members;
    @Autowired
    AuditTrail audit;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApiTokens tokens;

    record Run(int status, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\\R");
            return lines[lines.length - 1];
        }
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = CaseshareCommandLine.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void aSelfHosterCreatesAnOrganisationAUserAndATokenFromTheCommandLine() throws Exception {
        String organisation = Fixtures.unique("Shire Council");
        String email = Fixtures.unique("cli.admin") + "@shire.example.org";

        Run org = run("admin", "org", "create", "--name", organisation);
        assertThat(org.status()).isZero();
        assertThat(org.out()).contains("Created organisation " + organisation);

        Run user = run("admin", "user", "create", "--org", organisation, "--email", email, "--role", "organisation-admin");
        assertThat(user.status()).as(user.err()).isZero();
        String temporaryPassword = user.lastLine();
        assertThat(temporaryPassword).hasSizeGreaterThanOrEqualTo(40);
        Account account = members.findByEmail(email).orElseThrow();
        assertThat(account.roles()).containsExactly(Role.ORGANISATION_ADMIN);

        Run token = run("admin", "token", "create", "--email", email);
        assertThat(token.status()).isZero();
        assertThat(token.lastLine()).startsWith("cs_pat_");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.lastLine())).andExpect(status().isOk());

        assertThat(run("admin", "mfa", "reset", "--email", email).status()).isZero();
        assertThat(run("admin", "user", "disable", "--email", email).status()).isZero();
        assertThat(members.findById(account.id()).orElseThrow().status()).isEqualTo(AccountStatus.DISABLED);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.lastLine())).andExpect(status().isUnauthorized());

        assertThat(audit.latest(account.organisationId(), 20)).extracting(e -> e.actorId()).contains("cli");
        assertThat(audit.latest(account.organisationId(), 20)).extracting(e -> e.action())
                .contains("organisation.created", "account.created", "token.created", "mfa.reset", "account.disabled");
    }

    @Test
    void mistakesGiveAClearErrorAndExitStatusOne() {
        Run unknownOrg = run("admin", "user", "create", "--org", "No Such Council", "--email", "a@b.example.org", "--role", "manager");
        assertThat(unknownOrg.status()).isEqualTo(1);
        assertThat(unknownOrg.err()).contains("No organisation called 'No Such Council'").doesNotContain("Exception");

        String organisation = Fixtures.unique("Dale Council");
        run("admin", "org", "create", "--name", organisation);
        Run duplicate = run("admin", "org", "create", "--name", organisation);
        assertThat(duplicate.status()).isEqualTo(1);
        assertThat(duplicate.err()).contains("already exists");

        Run badRole = run("admin", "user", "create", "--org", organisation, "--email", "x@dale.example.org", "--role", "wizard");
        assertThat(badRole.status()).isEqualTo(1);
        assertThat(badRole.err()).contains("Unknown role 'wizard'");

        Run badEmail = run("admin", "user", "create", "--org", organisation, "--email", "not-an-email", "--role", "manager");
        assertThat(badEmail.status()).isEqualTo(1);
        assertThat(badEmail.err()).contains("correct format");

        Run noUser = run("admin", "user", "disable", "--email", "nobody@nowhere.example.org");
        assertThat(noUser.status()).isEqualTo(1);

        Run missingOption = run("admin", "org", "create");
        assertThat(missingOption.status()).isNotZero();
        assertThat(missingOption.err()).contains("--name");
    }

    @Test
    void aTokenFromTheCommandLineExpiresAfterTheDaysChosenAndNeverAfterAYear() {
        String organisation = Fixtures.unique("Wold Council");
        String email = Fixtures.unique("cli.token") + "@wold.example.org";
        run("admin", "org", "create", "--name", organisation);
        assertThat(run("admin", "user", "create", "--org", organisation, "--email", email, "--role", "practitioner").status()).isZero();

        Run tooLong = run("admin", "token", "create", "--email", email, "--expires-in-days", "366");
        assertThat(tooLong.status()).isEqualTo(1);
        assertThat(tooLong.err()).contains("Choose between 1 and 365 days");

        Run week = run("admin", "token", "create", "--email", email, "--expires-in-days", "7");
        assertThat(week.status()).as(week.err()).isZero();
        assertThat(week.out()).contains("expires");
        assertThat(tokens.list(members.findByEmail(email).orElseThrow().id())).singleElement()
                .satisfies(t -> assertThat(Duration.between(t.createdAt(), t.expiresAt())).isEqualTo(Duration.ofDays(7)));
    }
}
