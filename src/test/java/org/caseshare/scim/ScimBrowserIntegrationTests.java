package org.caseshare.scim;

import java.net.http.HttpResponse;

import org.caseshare.directory.Organisation;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.support.Browser;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium: the organisation admin finds the SCIM page from Members, makes a
 * token and copies it; the identity provider switches a member off with it; that member's open
 * browser session is gone at their next click. Screenshots go to target/screenshots.
 */
class ScimBrowserIntegrationTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;

    @Test
    void aTokenMadeOnThePageLetsTheProviderSwitchAMemberOffAndTheirSessionEndsAtOnce() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        Account admin = fixtures.person(organisation, Role.ORGANISATION_ADMIN);
        Account leaver = fixtures.person(organisation, Role.PRACTITIONER);
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            fixtures.signIn(browser, mvc, admin);
            browser.go("/organisation/members").click("organisation-scim");
            assertThat(browser.path()).isEqualTo("/organisation/scim");
            assertThat(browser.text("scim-url")).endsWith("/scim/v2");
            browser.type("name", "Entra ID provisioning").click("create-scim-token");
            String token = browser.text("new-token");
            assertThat(token).startsWith("cs_scim_");
            browser.screenshot("scim-01-token-made");

            fixtures.signIn(browser, mvc, leaver);
            browser.go("/account");
            assertThat(browser.path()).isEqualTo("/account");

            ScimHttp scim = new ScimHttp(port);
            HttpResponse<String> off = scim.send("PATCH", "/scim/v2/Users/" + leaver.id(), token,
                    ScimHttp.entra("disable-user-string-false.json"));
            assertThat(off.statusCode()).isEqualTo(200);

            browser.go("/account");
            assertThat(browser.path()).isEqualTo("/login");
            browser.signInWithPassword(leaver.email(), Fixtures.PASSWORD);
            assertThat(browser.path()).isEqualTo("/login");
            browser.screenshot("scim-02-leaver-signed-out");
        }
    }
}
