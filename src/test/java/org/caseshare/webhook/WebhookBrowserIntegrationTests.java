package org.caseshare.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.caseshare.directory.Organisation;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.support.Accessibility;
import org.caseshare.support.Browser;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An organisation admin adds a webhook endpoint in a real browser: the form's GOV.UK error summary,
 * the secret shown once, the list, and a failed delivery tried again. axe-core (WCAG 2.2 AA) finds no
 * violation in any of those states.
 */
class WebhookBrowserIntegrationTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminAddsAnEndpointSeesItsSecretOnceAndRetriesAFailedDelivery() throws Exception {
        Organisation council = fixtures.organisation("Browser Hook Council");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);

        try (Browser browser = Browser.open("http://localhost:" + port)) {
            fixtures.signIn(browser, mvc, admin);
            browser.go("/organisation/members").click("organisation-webhooks");
            assertThat(browser.path()).isEqualTo("/organisation/webhooks");
            assertThat(browser.page()).contains("Your organisation has no endpoints.");
            Accessibility.assertNoViolations(browser, "the empty list");

            browser.click("add-endpoint").type("url", "https://10.0.0.7/hooks").click("save-endpoint");
            assertThat(browser.page()).contains("There is a problem", "10.0.0.7 is a loopback, private, link-local or other internal address",
                    "Enter a description, such as the name of the case system", "Select at least one event");
            Accessibility.assertNoViolations(browser, "the form with errors");

            browser.type("url", "https://203.0.113.10/caseshare-events").type("description", "Children's case system")
                    .click("events").click("events-4").click("save-endpoint");
            String secret = browser.text("secret");
            assertThat(secret).startsWith("whsec_");
            assertThat(browser.page()).contains("Endpoint added", "It will not be shown again");
            Accessibility.assertNoViolations(browser, "the secret, shown once");

            browser.click("back-to-webhooks");
            assertThat(browser.page()).contains("Children's case system", "share.recorded, incident.opened").doesNotContain(secret);
            Accessibility.assertNoViolations(browser, "the list");

            UUID endpointId = jdbc.sql("select id from webhook_endpoint where organisation_id = ?").param(council.id()).query(UUID.class).single();
            UUID deliveryId = UUID.randomUUID();
            jdbc.sql("""
                    insert into webhook_delivery (id, organisation_id, endpoint_id, event_type, payload, created_at, status, attempts,
                      next_attempt_at, last_error)
                    values (?, ?, ?, 'incident.opened', '{}', ?, 'FAILED', 3, ?, 'The endpoint answered HTTP 503')""")
                    .params(deliveryId, council.id(), endpointId, Timestamp.from(Instant.now()), Timestamp.from(Instant.now())).update();
            browser.click("deliveries-link");
            assertThat(browser.page()).contains("Failed", "The endpoint answered HTTP 503");
            Accessibility.assertNoViolations(browser, "a failed delivery");

            browser.click("retry-" + deliveryId);
            assertThat(browser.page()).contains("The delivery will be tried again in a moment.", "Waiting");
            Accessibility.assertNoViolations(browser, "the delivery waiting again");
        }
    }
}
