package org.caseshare.identity;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.caseshare.audit.AuditEntry;
import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.Organisation;
import org.caseshare.mail.Outbox;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.TestClock;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Changing a password, and resetting a forgotten one by the link from the email. */
abstract class PasswordRecoveryTests extends IntegrationTest {

    static final String NEW_PASSWORD = "plum orchard beside the canal";
    static final String EXPIRED = "This link has expired or has already been used";

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
    Members members;
    @Autowired
    Invitations invitations;
    @Autowired
    Provisioning provisioning;
    @Autowired
    SsoSettings ssoSettings;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsEveryOtherSession() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        Account person = fixtures.person(organisation, Role.PRACTITIONER);
        Visitor laptop = fixtures.signIn(mvc, person);
        Visitor desktop = fixtures.signIn(mvc, person);
        desktop.get("/").andExpect(status().isOk());

        laptop.post("/account/password", "currentPassword", "not my password", "newPassword", NEW_PASSWORD)
                .andExpect(status().isOk()).andExpect(content().string(containsString("Your current password is not correct")));
        laptop.post("/account/password", "currentPassword", Fixtures.PASSWORD, "newPassword", "Password1234!")
                .andExpect(status().isOk()).andExpect(content().string(containsString("This password is too common")));
        desktop.get("/").andExpect(status().isOk()); // nothing has changed yet

        laptop.post("/account/password", "currentPassword", Fixtures.PASSWORD, "newPassword", NEW_PASSWORD)
                .andExpect(redirectedUrl("/account"));

        laptop.get("/").andExpect(status().isOk());
        desktop.get("/").andExpect(status().is3xxRedirection());
        new Visitor(mvc).post("/login", "email", person.email(), "password", Fixtures.PASSWORD).andExpect(redirectedUrl("/login?error"));
        new Visitor(mvc).post("/login", "email", person.email(), "password", NEW_PASSWORD).andExpect(redirectedUrl("/mfa"));
        AuditEntry changed = audit.latest(organisation.id(), 10).stream().filter(e -> e.action().equals("password.changed")).findFirst()
                .orElseThrow();
        assertThat(changed.details()).contains("via", "password").doesNotContain(person.email());
    }

    @Test
    void guessingTheCurrentPasswordIsThrottledButRefusedNewPasswordsAreNot() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        Visitor borrowed = fixtures.signIn(mvc, person);
        for (int attempt = 0; attempt < 6; attempt++) {
            borrowed.post("/account/password", "currentPassword", Fixtures.PASSWORD, "newPassword", "password1234")
                    .andExpect(status().isOk()).andExpect(content().string(containsString("This password is too common")));
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            borrowed.post("/account/password", "currentPassword", "guess " + attempt, "newPassword", NEW_PASSWORD).andExpect(status().isOk());
        }
        borrowed.post("/account/password", "currentPassword", Fixtures.PASSWORD, "newPassword", NEW_PASSWORD)
                .andExpect(status().isTooManyRequests());
        // The guesses came from a browser with a device cookie, so they count against it alone: the owner elsewhere signs in.
        new Visitor(mvc).post("/login", "email", person.email(), "password", Fixtures.PASSWORD).andExpect(redirectedUrl("/mfa"));
    }

    @Test
    void aResetByTheLinkFromTheEmailEndsEverySessionAndStillAsksForTheSecondFactor() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        Account person = fixtures.person(organisation, Role.PRACTITIONER);
        Visitor signedIn = fixtures.signIn(mvc, person);

        String link = requestLink(person.email());
        assertThat(link).doesNotContain(person.email()).doesNotContain(person.id().toString());
        Visitor browser = new Visitor(mvc);
        browser.get(link).andExpect(status().isOk()).andExpect(content().string(containsString("Choose a new password")));
        browser.post(link, "newPassword", "qwertyuiop123").andExpect(status().isOk())
                .andExpect(content().string(containsString("This password is too common")));
        browser.post(link, "newPassword", NEW_PASSWORD).andExpect(status().isOk())
                .andExpect(content().string(containsString("Your password has been changed")));

        signedIn.get("/").andExpect(status().is3xxRedirection());
        browser.post("/login", "email", person.email(), "password", NEW_PASSWORD).andExpect(redirectedUrl("/mfa"));
        browser.get("/").andExpect(redirectedUrl("/mfa"));
        browser.post("/mfa", "code", fixtures.nextCode(person.email())).andExpect(redirectedUrl("/"));
        assertThat(audit.latest(organisation.id(), 10)).filteredOn(e -> e.action().equals("password.reset"))
                .singleElement().satisfies(e -> assertThat(e.details()).contains("reset-link"));

        // Used once: the link is dead now.
        new Visitor(mvc).get(link).andExpect(status().isGone()).andExpect(content().string(containsString(EXPIRED)));
        new Visitor(mvc).post(link, "newPassword", "quiet harbour lantern seventeen").andExpect(status().isGone());
        new Visitor(mvc).post("/login", "email", person.email(), "password", NEW_PASSWORD).andExpect(redirectedUrl("/mfa"));
    }

    @Test
    void aLinkIsDeadAfterThirtyMinutesOrOnceANewerOneIsSent() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        String first = requestLink(person.email());
        String second = requestLink(person.email());
        assertThat(second).isNotEqualTo(first);
        new Visitor(mvc).get(first).andExpect(status().isGone()).andExpect(content().string(containsString(EXPIRED)));
        new Visitor(mvc).get(second).andExpect(status().isOk());

        clock.advance(Duration.ofMinutes(31));
        new Visitor(mvc).get(second).andExpect(status().isGone()).andExpect(content().string(containsString(EXPIRED)));
        new Visitor(mvc).post(second, "newPassword", NEW_PASSWORD).andExpect(status().isGone());
        new Visitor(mvc).get("/password/reset/made-up-token").andExpect(status().isGone()).andExpect(content().string(containsString(EXPIRED)));
        new Visitor(mvc).post("/login", "email", person.email(), "password", Fixtures.PASSWORD).andExpect(redirectedUrl("/mfa/enrol"));
    }

    @Test
    void anUnknownOrDisabledAddressGetsTheSamePageAndNoEmail() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        Account admin = fixtures.person(organisation, Role.ORGANISATION_ADMIN);
        Account person = fixtures.person(organisation, Role.PRACTITIONER);
        Account leaver = fixtures.person(organisation, Role.PRACTITIONER);
        members.disable(organisation.id(), leaver.id(), admin.id().toString());
        String unknown = "nobody-" + person.email();

        String known = answer(person.email());
        assertThat(answer(unknown)).isEqualTo(known);
        assertThat(answer(leaver.email())).isEqualTo(known);
        assertThat(known).contains("If", "has a Caseshare account", "we have sent a link");

        List<Outbox.OutboxMessage> mail = outbox.list();
        assertThat(mail).filteredOn(m -> m.to().equals(person.email())).hasSize(1);
        assertThat(mail).filteredOn(m -> m.to().equals(unknown) || m.to().equals(leaver.email())).isEmpty();
    }

    @Test
    void anAddressWhosePasswordBelongsToAnIdentityProviderOrThatHasNoPasswordGetsTheSamePageAndNoEmail() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Account person = fixtures.person(council, Role.PRACTITIONER);
        Account provisioned = provisioning.create(council.id(), Fixtures.unique("provisioned") + "@elsewhere.example.org", "From SCIM",
                Set.of(Role.PRACTITIONER));
        Organisation trust = fixtures.organisation("Trust");
        Account admin = fixtures.person(trust, Role.ORGANISATION_ADMIN);
        Account ssoMember = fixtures.person(trust, Role.PRACTITIONER);
        String domain = ssoMember.email().substring(ssoMember.email().indexOf('@') + 1);
        ssoSettings.configure(trust.id(), new SsoSettingsForm("https://login.example.org/trust/v2.0", "caseshare", "a client secret",
                domain, "groups", "", "practitioner", "", false), admin.id());

        String known = answer(person.email());
        assertThat(answer(ssoMember.email())).isEqualTo(known);
        assertThat(answer(provisioned.email())).isEqualTo(known);

        List<Outbox.OutboxMessage> mail = outbox.list();
        assertThat(mail).filteredOn(m -> m.to().equals(person.email())).hasSize(1);
        assertThat(mail).filteredOn(m -> m.to().equals(ssoMember.email()) || m.to().equals(provisioned.email())).isEmpty();
    }

    @Test
    void manyRequestsForOneAddressSendNoMoreMailAndOneClientAddressIsThrottled() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        Visitor asker = new Visitor(mvc);
        for (int request = 0; request < 5; request++) {
            asker.post("/password/reset", "email", person.email()).andExpect(status().isOk());
        }
        assertThat(outbox.list()).filteredOn(m -> m.to().equals(person.email())).hasSize(3);
        for (int request = 0; request < 15; request++) {
            asker.post("/password/reset", "email", Fixtures.unique("someone") + "@example.org").andExpect(status().isOk());
        }
        asker.post("/password/reset", "email", person.email()).andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("too many links")));
    }

    @Test
    void aDeviceCookieFromBeforeTheResetNoLongerSkipsTheThrottle() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        fixtures.signIn(mvc, person);
        Visitor office = new Visitor(mvc);
        office.post("/login", "email", person.email(), "password", Fixtures.PASSWORD).andExpect(redirectedUrl("/mfa"));
        office.post("/mfa", "code", fixtures.nextCode(person.email())).andExpect(redirectedUrl("/"));
        office.post("/logout");
        assertThat(office.deviceCookie()).isNotNull();

        String link = requestLink(person.email());
        new Visitor(mvc).post(link, "newPassword", NEW_PASSWORD).andExpect(status().isOk());
        Visitor attacker = new Visitor(mvc, office.address());
        for (int attempt = 0; attempt < 5; attempt++) {
            attacker.post("/login", "email", person.email(), "password", "guess " + attempt).andExpect(redirectedUrl("/login?error"));
        }

        office.post("/login", "email", person.email(), "password", NEW_PASSWORD).andExpect(status().isTooManyRequests());
    }

    @Test
    void aCommonPasswordIsRefusedWithAClearMessageOnTheInvitationForm() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        Account admin = fixtures.person(organisation, Role.ORGANISATION_ADMIN);
        String email = Fixtures.unique("invitee") + "@council.example.org";
        invitations.invite(organisation.id(), email, Role.MANAGER, admin.id());
        String body = outbox.list().stream().filter(m -> m.to().equals(email)).findFirst().orElseThrow().body();
        String path = body.substring(body.indexOf("/invitations/")).lines().findFirst().orElseThrow().strip();
        new Visitor(mvc).post(path, "name", "Nia New", "password", "iloveyou2026", "confirmPassword", "iloveyou2026")
                .andExpect(status().isOk()).andExpect(content().string(containsString("This password is too common")));
        assertThat(members.findByEmail(email)).isEmpty();
    }

    private String answer(String email) throws Exception {
        return new Visitor(mvc).post("/password/reset", "email", email).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString().replace(email, "EMAIL").replaceAll("csrf-token\" content=\"[^\"]*\"", "");
    }

    /** Asks for a reset link and returns its path from the email. */
    private String requestLink(String email) throws Exception {
        List<String> before = outbox.list().stream().filter(m -> m.to().equals(email)).map(Outbox.OutboxMessage::id).toList();
        new Visitor(mvc).post("/password/reset", "email", email).andExpect(status().isOk())
                .andExpect(content().string(containsString("we have sent a link")));
        List<Outbox.OutboxMessage> mail = outbox.list().stream().filter(m -> m.to().equals(email) && !before.contains(m.id())).toList();
        assertThat(mail).singleElement().satisfies(m -> assertThat(m.subject()).isEqualTo("Reset your Caseshare password"));
        String body = mail.get(0).body();
        return body.substring(body.indexOf("/password/reset/")).lines().findFirst().orElseThrow().strip();
    }
}
