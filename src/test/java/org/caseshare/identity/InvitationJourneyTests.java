package org.caseshare.identity;

import java.time.Duration;

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
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An organisation admin invites a member by email; the member accepts through the single-use link. */
abstract class InvitationJourneyTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Outbox outbox;
    @Autowired
    TestClock clock;
    @Autowired
    Members members;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anInvitedMemberJoinsOnceAndTheLinkIsThenDead() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        Visitor admin = fixtures.signIn(mvc, fixtures.person(organisation, Role.ORGANISATION_ADMIN));
        String email = Fixtures.unique("new.starter") + "@council.example.org";

        admin.post("/organisation/members/invitations", "email", email, "role", "MANAGER").andExpect(redirectedUrl("/organisation/members"));
        admin.get("/organisation/members").andExpect(content().string(containsString(email)))
                .andExpect(content().string(containsString("Pending")));

        Outbox.OutboxMessage message = outbox.list().stream().filter(m -> m.to().equals(email)).findFirst().orElseThrow();
        assertThat(message.subject()).isEqualTo("You have been invited to Caseshare");
        assertThat(message.body()).contains(organisation.name()).doesNotContain("Test Organisation admin");
        String link = message.body().lines().filter(l -> l.contains("/invitations/")).findFirst().orElseThrow().strip();
        String path = link.substring(link.indexOf("/invitations/"));

        Visitor invitee = new Visitor(mvc);
        invitee.get(path).andExpect(status().isOk()).andExpect(content().string(containsString("Manager")));
        // Bad input: every problem listed, nothing created.
        invitee.post(path, "name", "", "password", "short", "confirmPassword", "other").andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("Enter your full name")))
                .andExpect(content().string(containsString("Password must be 12 characters or more")));
        invitee.post(path, "name", "Nia New", "password", "a long enough password", "confirmPassword", "a different password")
                .andExpect(content().string(containsString("Passwords do not match")));
        assertThat(members.findByEmail(email)).isEmpty();

        invitee.post(path, "name", "Nia New", "password", Fixtures.PASSWORD, "confirmPassword", Fixtures.PASSWORD)
                .andExpect(redirectedUrl("/login?joined"));
        Account joined = members.findByEmail(email).orElseThrow();
        assertThat(joined.roles()).containsExactly(Role.MANAGER);
        assertThat(joined.organisationId()).isEqualTo(organisation.id());

        new Visitor(mvc).get(path).andExpect(status().isGone()).andExpect(content().string(containsString("This invitation link cannot be used")));
        new Visitor(mvc).post(path, "name", "Someone Else", "password", Fixtures.PASSWORD, "confirmPassword", Fixtures.PASSWORD)
                .andExpect(content().string(containsString("This invitation link cannot be used")));
        fixtures.signIn(mvc, joined).get("/").andExpect(status().isOk());
    }

    @Test
    void anInvitationExpiresAfter72Hours() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        Visitor admin = fixtures.signIn(mvc, fixtures.person(organisation, Role.ORGANISATION_ADMIN));
        String email = Fixtures.unique("late") + "@council.example.org";
        admin.post("/organisation/members/invitations", "email", email, "role", "PRACTITIONER");
        String body = outbox.list().stream().filter(m -> m.to().equals(email)).findFirst().orElseThrow().body();
        String path = body.substring(body.indexOf("/invitations/")).lines().findFirst().orElseThrow().strip();

        clock.advance(Duration.ofHours(71));
        new Visitor(mvc).get(path).andExpect(content().string(containsString("Create your account")));
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        new Visitor(mvc).get(path).andExpect(content().string(containsString("This invitation link cannot be used")));
    }

    @Test
    void theInviteFormExplainsWhatIsWrong() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        Account existing = fixtures.person(organisation, Role.PRACTITIONER);
        Visitor admin = fixtures.signIn(mvc, fixtures.person(organisation, Role.ORGANISATION_ADMIN));
        admin.post("/organisation/members/invitations", "email", "not-an-email", "role", "")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter an email address in the correct format")))
                .andExpect(content().string(containsString("Select the person&#39;s role")));
        admin.post("/organisation/members/invitations", "email", existing.email(), "role", "MANAGER")
                .andExpect(content().string(containsString("An account with this email address already exists")));
    }

    @Test
    void onlyOrganisationAdminsManageMembers() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        Visitor practitioner = fixtures.signIn(mvc, fixtures.person(organisation, Role.PRACTITIONER));
        practitioner.get("/organisation/members").andExpect(status().isForbidden());
        practitioner.post("/organisation/members/invitations", "email", "x@council.example.org", "role", "MANAGER")
                .andExpect(status().isForbidden());
        practitioner.get("/").andExpect(content().string(not(containsString("/organisation/members"))));
    }
}
