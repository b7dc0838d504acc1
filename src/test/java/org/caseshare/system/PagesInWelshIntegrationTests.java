package org.caseshare.system;

import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.NoEnglishLeft;
import org.caseshare.support.Visitor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page, the error pages, the system administrator's pages (jobs, outbox, email not
 * delivered) and the organisation admin's webhook and SCIM pages, in Welsh: lang="cy", Welsh words,
 * and none of the catalogues' English left.
 */
class PagesInWelshIntegrationTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSystemAndAdminPagesSpeakWelsh() throws Exception {
        Account admin = fixtures.person(fixtures.organisation("Cyngor"), Role.ORGANISATION_ADMIN);
        jdbc.sql("update account set system_admin = true where id = ?").param(admin.id()).update();
        Visitor visitor = fixtures.signIn(mvc, admin);

        Document home = page(visitor, "/?lang=cy", 200);
        assertThat(home.selectFirst("html").attr("lang")).isEqualTo("cy");
        assertThat(home.selectFirst("#welcome").text()).startsWith("Croeso, ");
        assertThat(home.text()).contains("Popeth y gallwch ei wneud", "Tasgau wedi’u hamserlennu", "Rheoli’r cyfeiriadur");
        NoEnglishLeft.assertNone(home.text(), "the home page");

        assertWelsh(page(visitor, "/accessibility", 200), "Datganiad hygyrchedd", "the accessibility statement");
        assertWelsh(page(visitor, "/system/jobs", 200), "Tasgau wedi’u hamserlennu", "the jobs");
        // The emails listed are in their recipients' languages, whatever the reader's.
        Document outbox = page(visitor, "/system/outbox", 200);
        outbox.select("#outbox").remove();
        assertWelsh(outbox, "Blwch anfon", "the outbox");
        Document failures = page(visitor, "/system/mail", 200);
        failures.select("#failures").remove();
        assertWelsh(failures, "E-bost heb ei ddanfon", "email not delivered");
        assertWelsh(page(visitor, "/organisation/webhooks", 200), "Bachau gwe", "the webhooks");
        Document newEndpoint = page(visitor, "/organisation/webhooks/new", 200);
        assertWelsh(newEndpoint, "Pa ddigwyddiadau ddylai eu cael?", "the add endpoint form");
        assertThat(newEndpoint.text()).contains("Mae digwyddiad yn cael ei adrodd");
        assertWelsh(page(visitor, "/organisation/webhooks/deliveries", 200), "Anfoniadau bachau gwe", "the deliveries");
        assertWelsh(page(visitor, "/organisation/scim", 200), "Darparu SCIM", "the SCIM page");
        Document refused = Jsoup.parse(visitor.post("/organisation/scim/tokens", "name", "Entra ID", "expiresInDays", "9999")
                .andReturn().getResponse().getContentAsString());
        assertWelsh(refused, "Dewiswch rhwng 1 a 730 diwrnod", "the SCIM form refused");
        assertWelsh(page(visitor, "/directory/" + java.util.UUID.randomUUID(), 404), "Heb ddod o hyd i’r dudalen", "page not found");
    }

    private static void assertWelsh(Document page, String words, String state) {
        assertThat(page.selectFirst("html").attr("lang")).as(state).isEqualTo("cy");
        assertThat(page.text()).as(state).contains(words);
        NoEnglishLeft.assertNone(page.text(), state);
    }

    private static Document page(Visitor visitor, String path, int status) throws Exception {
        var response = visitor.get(path).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(status);
        return Jsoup.parse(response.getContentAsString());
    }
}
