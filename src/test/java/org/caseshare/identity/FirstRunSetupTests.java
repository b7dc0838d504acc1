package org.caseshare.identity;

import org.caseshare.audit.AuditTrail;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The one-time setup link creates the first organisation and its administrator, then dies. */
abstract class FirstRunSetupTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FirstRunSetup setup;
    @Autowired
    Members members;
    @Autowired
    AuditTrail audit;
    @Autowired
    Fixtures fixtures;

    @Test
    void theSetupLinkWorksOnceAndOnlyWithItsToken() throws Exception {
        String path = "/setup/" + setup.token();
        assertThat(setup.token()).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64url
        Visitor visitor = new Visitor(mvc);
        visitor.get("/setup/not-the-token").andExpect(status().isNotFound());
        visitor.get(path).andExpect(status().isOk()).andExpect(content().string(containsString("Set up Caseshare")));

        visitor.post(path, "organisationName", "", "kind", "", "name", "", "email", "nope", "password", "x", "confirmPassword", "x")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the organisation&#39;s name")))
                .andExpect(content().string(containsString("Select the type of organisation")))
                .andExpect(content().string(containsString("Enter your full name")))
                .andExpect(content().string(containsString("Enter an email address in the correct format")))
                .andExpect(content().string(containsString("Password must be 12 characters or more")));

        String email = Fixtures.unique("founder") + "@borough.example.org";
        visitor.post(path, "organisationName", Fixtures.unique("Borough Council"), "kind", "COUNCIL", "name", "Fran Founder",
                "email", email, "password", "Password1234!", "confirmPassword", "Password1234!")
                .andExpect(status().isOk()).andExpect(content().string(containsString("This password is too common")));
        visitor.post(path, "organisationName", Fixtures.unique("Borough Council"), "kind", "COUNCIL", "name", "Fran Founder",
                "email", email, "password", Fixtures.PASSWORD, "confirmPassword", Fixtures.PASSWORD)
                .andExpect(redirectedUrl("/login?joined"));

        Account founder = members.findByEmail(email).orElseThrow();
        assertThat(founder.systemAdmin()).isTrue();
        assertThat(founder.roles()).contains(Role.ORGANISATION_ADMIN);
        new Visitor(mvc).get(path).andExpect(status().isNotFound());

        Visitor signedIn = fixtures.signIn(mvc, founder);
        signedIn.get("/system/outbox").andExpect(status().isOk());
        signedIn.get("/organisation/members").andExpect(status().isOk()).andExpect(content().string(containsString("Fran Founder")));
        assertThat(audit.latest(founder.organisationId(), 10)).extracting(e -> e.action()).contains("organisation.created", "account.created");
    }
}
