package org.caseshare.channels;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.caseshare.audit.AuditTrail;

import org.caseshare.directory.Directory;
import org.caseshare.identity.Role;
import org.caseshare.mail.Outbox;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.sharing.Status;
import org.caseshare.support.ApiClient;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.TestClock;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The recipient's receipt link does not live for ever (issue #13 §7): after the organisation's number
 * of days (30 unless its admin changes it) it shows a plain "expired" page and releases nothing.
 */
abstract class ReceiptLinkExpiryTests extends IntegrationTest {

    private static final Pattern RECEIPT_LINK = Pattern.compile("/receipts/([A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    AuditTrail audit;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;
    @Autowired
    SharingRegister register;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anExpiredLinkShowsAPlainPageAndReleasesNothing() throws Exception {
        ChannelsFixtures c = ChannelsFixtures.council(fixtures, directory);
        Sent sent = sendWithReceiptLink(c);

        clock.advance(Duration.ofDays(31));
        Visitor recipient = new Visitor(mvc);
        String page = recipient.get("/receipts/" + sent.token()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"receipt-expired\"", "This link has expired").doesNotContain("documents-", "confirm-receipt", "Alex");
        String posted = recipient.post("/receipts/" + sent.token()).andReturn().getResponse().getContentAsString();
        assertThat(posted).contains("This link has expired").doesNotContain("Receipt confirmed");
        assertThat(register.get(c.organisation().id(), sent.record()).status()).isEqualTo(Status.SHARED);
        assertThat(jdbc.sql("select count(*) from channel_email_attachment where sharing_record_id = ? and sealed_password is not null")
                .param(sent.record()).query(Long.class).single()).as("the password is still held, not sent").isEqualTo(1);
        assertThat(audit.latestWithAction("channels.password-released", 1000))
                .noneMatch(e -> e.target().equals("sharing-record:" + sent.record()));
    }

    @Test
    void anOrganisationAdminSetsHowManyDaysLinksWorkOverTheApi() throws Exception {
        ChannelsFixtures c = ChannelsFixtures.council(fixtures, directory);
        String admin = fixtures.token(fixtures.person(c.organisation(), Role.ORGANISATION_ADMIN));
        String path = "/api/v1/organisations/" + c.organisation().id() + "/settings";
        ApiClient api = new ApiClient(port);

        assertThat(api.get(path, admin).body()).contains("\"receiptLinkDays\":30");
        HttpResponse<String> bad = api.send("PUT", path, admin, "{\"receiptLinkDays\":0}", null);
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(bad.body()).contains("receiptLinkDays");
        assertThat(api.send("PUT", path, fixtures.token(c.practitioner()), "{\"receiptLinkDays\":5}", null).statusCode()).isEqualTo(403);
        String otherAdmin = fixtures.token(fixtures.person(fixtures.organisation("Elsewhere"), Role.ORGANISATION_ADMIN));
        assertThat(api.send("PUT", path, otherAdmin, "{\"receiptLinkDays\":5}", null).statusCode()).isEqualTo(404);
        HttpResponse<String> changed = api.send("PUT", path, admin, "{\"receiptLinkDays\":5}", null);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).contains("\"receiptLinkDays\":5");
        assertThat(audit.latestWithAction("organisation.settings.changed", 1000))
                .filteredOn(e -> c.organisation().id().equals(e.organisationId())).hasSize(1);

        Sent sent = sendWithReceiptLink(c);
        clock.advance(Duration.ofDays(4));
        assertThat(new Visitor(mvc).get("/receipts/" + sent.token()).andReturn().getResponse().getContentAsString()).contains("confirm-receipt");
        clock.advance(Duration.ofDays(2));
        assertThat(new Visitor(mvc).post("/receipts/" + sent.token()).andReturn().getResponse().getContentAsString())
                .contains("This link has expired");
        assertThat(register.get(c.organisation().id(), sent.record()).status()).isEqualTo(Status.SHARED);
    }

    record Sent(UUID record, String token) {
    }

    private Sent sendWithReceiptLink(ChannelsFixtures c) throws Exception {
        UUID id = c.share(register, "EMAIL");
        Visitor sender = fixtures.signIn(mvc, c.practitioner());
        sender.perform(MockMvcRequestBuilders.multipart("/sharing/" + id + "/email").file(new MockMultipartFile("files", "notes.txt",
                "text/plain", "Attendance 92%".getBytes())).param("recipientEmail", "sam.nurse@wessex.nhs.uk")
                .param("passwordRoute", "EMAIL_AFTER_RECEIPT").with(csrf()));
        String page = sender.get("/sharing/" + id + "/email").andReturn().getResponse().getContentAsString();
        sender.post("/sharing/" + id + "/email/sent", ChannelsFixtures.tickAll(page));
        assertThat(register.get(c.organisation().id(), id).status()).isEqualTo(Status.SHARED);
        String body = outbox.list().stream().filter(m -> m.to().equals("sam.nurse@wessex.nhs.uk") && m.body().contains("/receipts/")
                && m.body().contains("CS-" + id.toString().substring(0, 8).toUpperCase())).findFirst().orElseThrow().body();
        Matcher token = RECEIPT_LINK.matcher(body);
        assertThat(token.find()).isTrue();
        return new Sent(id, token.group(1));
    }
}
