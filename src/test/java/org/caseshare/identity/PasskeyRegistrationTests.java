package org.caseshare.identity;

import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Adding a passkey is a change to how the account signs in, so it needs both factors (issue #13 §7):
 * someone who knows only the password must not be able to start a passkey registration.
 */
abstract class PasskeyRegistrationTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void registrationOptionsNeedTheSecondFactorDone() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        fixtures.signIn(mvc, person); // enrols the second factor

        Visitor halfway = new Visitor(mvc);
        halfway.post("/login", "email", person.email(), "password", Fixtures.PASSWORD).andExpect(redirectedUrl("/mfa"));
        MockHttpServletResponse early = halfway.perform(post("/webauthn/register/options").with(csrf())).andReturn().getResponse();
        assertThat(early.getStatus()).isEqualTo(403);
        assertThat(early.getContentAsString()).doesNotContain("challenge");
        MockHttpServletResponse register = halfway.perform(post("/webauthn/register").with(csrf())
                .contentType("application/json").content("{}")).andReturn().getResponse();
        assertThat(register.getStatus()).isEqualTo(403);

        Visitor signedIn = fixtures.signIn(mvc, person);
        MockHttpServletResponse options = signedIn.perform(post("/webauthn/register/options").with(csrf())).andReturn().getResponse();
        assertThat(options.getStatus()).isEqualTo(200);
        assertThat(options.getContentAsString()).contains("challenge");
    }
}
