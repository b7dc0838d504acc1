package org.caseshare.channels;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.caseshare.directory.Directory;
import org.caseshare.document.LabelFormat;
import org.caseshare.mail.Outbox;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.sharing.Status;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.SevenZip;
import org.caseshare.support.NoEnglishLeft;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each channel through the pages, from the sharing record to "shared": the encrypted attachment that
 * the real 7-Zip opens, the receipt link and the password in its own email; the envelope labels read
 * back with PDFBox; the fax pre-send checks, cover sheet and transmission report; telephone by the
 * register's own checklist.
 */
abstract class ChannelsJourneyTests extends IntegrationTest {

    private static final Pattern PASSWORD = Pattern.compile("id=\"password\">([^<]+)<");
    private static final Pattern RECEIPT_LINK = Pattern.compile("/receipts/([A-Za-z0-9_-]+)");

    @Autowired
    MockMvc mvc;
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

    @Test
    void anEmailAttachmentOpensIn7ZipAndItsPasswordFollowsTheRecipientsConfirmation() throws Exception {
        SevenZip.require();
        ChannelsFixtures c = ChannelsFixtures.council(fixtures, directory);
        UUID id = c.share(register, "EMAIL");
        Visitor sender = fixtures.signIn(mvc, c.practitioner());

        // Step 1: the record links to the email page, which shows the directory's view of the address.
        sender.get("/sharing/" + id).andExpect(content().string(containsString("/sharing/" + id + "/email")));
        sender.get("/sharing/" + id + "/email").andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Secure domain in your directory"), containsString("sam.nurse@wessex.nhs.uk"))));

        // Step 2: personal webmail, no files and no password route are each refused, GOV.UK style.
        String refused = sender.perform(attachment(id, "sam@hotmail.com", "", false)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("There is a problem", "Use the recipient", "Choose the files to attach", "Choose how the recipient will get the password");
        assertThat(jdbc.sql("select count(*) from channel_email_attachment where sharing_record_id = ?").param(id).query(Long.class).single()).isZero();

        // Step 3: a file named after the child goes into an AES-256 ZIP with an innocuous name; the password is shown once.
        String ready = sender.perform(attachment(id, "sam.nurse@wessex.nhs.uk", "EMAIL_AFTER_RECEIPT", true)
                .file(new MockMultipartFile("files", "Alex Example attendance.txt", "text/plain", "Attendance 92%".getBytes())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher shown = PASSWORD.matcher(ready);
        assertThat(shown.find()).as("the password is on the page").isTrue();
        String password = shown.group(1);
        assertThat(ready).contains("mailto:?subject=Private%20and%20Confidential").doesNotContain("mailto:sam");
        assertThat(sender.get("/sharing/" + id + "/email").andReturn().getResponse().getContentAsString()).doesNotContain(password);
        assertThat(jdbc.sql("select sealed_password from channel_email_attachment where sharing_record_id = ?").param(id).query(String.class).single())
                .startsWith("v1:").doesNotContain(password);

        // Step 4: the download is the archive the real 7-Zip opens with that password and no other.
        var download = sender.get("/sharing/" + id + "/email/attachment").andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("documents-" + id.toString().substring(0, 8) + ".zip")))
                .andReturn().getResponse();
        Path zip = Files.createTempFile("channels", ".zip");
        Files.write(zip, download.getContentAsByteArray());
        assertThat(SevenZip.test(zip, password).exitCode()).isZero();
        assertThat(SevenZip.test(zip, "Wrong-password-entirely-1234").exitCode()).isNotZero();
        String listing = SevenZip.list(zip, password).output();
        assertThat(listing).contains("Path = document-1.txt", "Path = record-summary.pdf", "AES-256", "-r--r--r--").doesNotContain("Alex");
        Files.delete(zip);

        // Step 5: recording it as sent needs every remaining safeguard; then it is shared and the recipient gets a link.
        String page = sender.get("/sharing/" + id + "/email").andReturn().getResponse().getContentAsString();
        sender.post("/sharing/" + id + "/email/sent").andExpect(status().isOk()).andExpect(content().string(containsString("Confirm every safeguard")));
        assertThat(register.get(c.organisation().id(), id).status()).isEqualTo(Status.READY);
        sender.post("/sharing/" + id + "/email/sent", ChannelsFixtures.tickAll(page)).andExpect(status().is3xxRedirection());
        assertThat(register.get(c.organisation().id(), id).status()).isEqualTo(Status.SHARED);
        assertThat(register.get(c.organisation().id(), id).confirmations()).containsKeys("email.encrypted-attachment",
                "email.password-separately", "email.innocuous-file-name", "email.work-account");
        var link = outbox.list().stream().filter(m -> m.to().equals("sam.nurse@wessex.nhs.uk") && m.body().contains("/receipts/")).findFirst().orElseThrow();
        assertThat(link.subject()).isEqualTo("Private and Confidential");
        assertThat(link.body()).doesNotContain("Alex", "Sam Nurse", password);
        Matcher token = RECEIPT_LINK.matcher(link.body());
        assertThat(token.find()).isTrue();

        // Step 6: the recipient's page names nobody; confirming stamps the record and sends the password separately, once.
        Visitor recipient = new Visitor(mvc);
        recipient.get("/receipts/" + token.group(1)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("documents-"), not(containsString("Alex")), not(containsString("Sam Nurse")))));
        recipient.post("/receipts/" + token.group(1)).andExpect(status().isOk()).andExpect(content().string(containsString("Receipt confirmed")));
        assertThat(register.get(c.organisation().id(), id).status()).isEqualTo(Status.RECEIPT_CONFIRMED);
        var released = outbox.list().stream().filter(m -> m.to().equals("sam.nurse@wessex.nhs.uk") && m.body().contains(password)).toList();
        assertThat(released).hasSize(1);
        assertThat(released.get(0).body()).doesNotContain("Alex", "Sam Nurse", "/receipts/");
        assertThat(jdbc.sql("select count(*) from channel_email_attachment where sharing_record_id = ? and sealed_password is null"
                + " and archive is null").param(id).query(Long.class).single()).isEqualTo(1);
        recipient.post("/receipts/" + token.group(1)).andExpect(content().string(containsString("This link cannot be used")));
        assertThat(audited("channels.password-released", id)).isEqualTo(1);
        assertThat(audited("sharing.receipt-confirmed", id)).isEqualTo(1);
    }

    @Test
    void theTelephoneRouteAsksTheSenderToConfirmTheyTelephonedThePassword() throws Exception {
        ChannelsFixtures c = ChannelsFixtures.council(fixtures, directory);
        UUID id = c.share(register, "EMAIL");
        Visitor sender = fixtures.signIn(mvc, c.practitioner());
        sender.perform(attachment(id, "sam.nurse@wessex.nhs.uk", "TELEPHONE", true)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Keep this page open")));
        assertThat(jdbc.sql("select count(*) from channel_email_attachment where sharing_record_id = ? and sealed_password is null")
                .param(id).query(Long.class).single()).as("never stored for the telephone route").isEqualTo(1);
        String page = sender.get("/sharing/" + id + "/email").andReturn().getResponse().getContentAsString();
        sender.post("/sharing/" + id + "/email/sent", ChannelsFixtures.tickAll(page)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Confirm that you telephoned the password")));
        sender.post("/sharing/" + id + "/email/sent", ChannelsFixtures.tickAll(page, "passwordTelephoned", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(register.get(c.organisation().id(), id).status()).isEqualTo(Status.SHARED);
        sender.get("/sharing/" + id + "/email").andExpect(content().string(containsString("Telephoned by the sender")));
    }

    @ParameterizedTest
    @EnumSource(LabelFormat.class)
    void postLabelsPutTheMarkingInsideAndNothingRevealingOutside(LabelFormat format) throws Exception {
        ChannelsFixtures c = ChannelsFixtures.council(fixtures, directory);
        UUID id = c.share(register, "POST");
        Visitor sender = fixtures.signIn(mvc, c.practitioner());

        // The page drafts the labels from the record and the directory's postal address.
        sender.get("/sharing/" + id).andExpect(content().string(containsString("/sharing/" + id + "/post")));
        sender.get("/sharing/" + id + "/post").andExpect(content().string(allOf(containsString("Trust Headquarters"), containsString("RG1 5AN"))));
        sender.post("/sharing/" + id + "/post", "recipientName", "Sam Nurse", "department", "", "organisation", "Wessex Health Trust",
                "address", "Trust Headquarters\nNowhere", "returnOrganisation", "", "returnAddress", "")
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("There is a problem"),
                        containsString("Enter the recipient&#39;s department"), containsString("real postcode"), containsString("return address"))));
        // A character that would print reversed or invisibly on the label is refused, and nothing is saved.
        sender.post("/sharing/" + id + "/post", "recipientName", "Sam \u202ENurse", "jobTitle", "Health visitor", "department", "Children's community health",
                "organisation", "Wessex Health Trust", "address", "Trust Headquarters\nLondon Road\nReading\nRG1 5AN",
                "returnOrganisation", "Wokingham Borough Council", "returnAddress", "Shute End\nWokingham\nRG40 1BN")
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("There is a problem"),
                        containsString("must not contain the invisible text-direction character U+202E"))));
        assertThat(register.get(c.organisation().id(), id).confirmations()).doesNotContainKey("post.inner-envelope-marked");
        sender.post("/sharing/" + id + "/post", "recipientName", "Sam Nurse", "jobTitle", "Health visitor", "department", "Children's community health",
                "organisation", "Wessex Health Trust", "address", "Trust Headquarters\nLondon Road\nReading\nRG1 5AN",
                "returnOrganisation", "Wokingham Borough Council", "returnAddress", "Shute End\nWokingham\nRG40 1BN")
                .andExpect(status().is3xxRedirection());
        assertThat(register.get(c.organisation().id(), id).confirmations()).containsKeys("post.inner-envelope-marked", "post.outer-envelope-plain",
                "post.return-address", "post.confirm-recipient");

        byte[] pdf = sender.get("/sharing/" + id + "/post/labels.pdf?format=" + format.name()).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf")).andReturn().getResponse().getContentAsByteArray();
        LabelText labels = LabelText.read(pdf, format);
        assertThat(labels.inner()).contains("Private and Confidential", "To be opened by Addressee Only", "Sam Nurse",
                "Children's community health", "RG1 5AN", "Wokingham Borough Council");
        assertThat(labels.outer()).contains("Trust Headquarters", "RG1 5AN", "Wokingham Borough Council")
                .doesNotContain("Private", "Confidential", "Sam Nurse", "Children", "community health", "Wessex", "Health visitor");

        // Posting needs the recorded-delivery reference when it is claimed; then it is shared and receipt can be recorded.
        String page = sender.get("/sharing/" + id + "/post").andReturn().getResponse().getContentAsString();
        sender.post("/sharing/" + id + "/post/sent", ChannelsFixtures.tickAll(page, "trackingReference", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Enter the recorded delivery or courier reference")));
        sender.post("/sharing/" + id + "/post/sent", ChannelsFixtures.tickAll(page, "trackingReference", "AB123456789GB"))
                .andExpect(status().is3xxRedirection());
        assertThat(register.get(c.organisation().id(), id).status()).isEqualTo(Status.SHARED);
        sender.get("/sharing/" + id + "/post").andExpect(content().string(allOf(containsString("AB123456789GB"), containsString("The recipient confirmed receipt"))));
        sender.post("/sharing/" + id + "/confirm-receipt").andExpect(status().is3xxRedirection());
        assertThat(register.get(c.organisation().id(), id).status()).isEqualTo(Status.RECEIPT_CONFIRMED);
    }

    @Test
    void aFaxGoesOnlyAfterThePreSendChecksWithACoverSheetAndItsTransmissionReport() throws Exception {
        ChannelsFixtures c = ChannelsFixtures.council(fixtures, directory);
        UUID id = c.share(register, "FAX");
        Visitor sender = fixtures.signIn(mvc, c.practitioner());
        sender.get("/sharing/" + id).andExpect(content().string(containsString("/sharing/" + id + "/fax")));
        String page = sender.get("/sharing/" + id + "/fax").andExpect(content().string(allOf(containsString("0118 974 6099"),
                containsString("Safe haven")))).andReturn().getResponse().getContentAsString();

        // A number typed by hand must be typed twice, the same; nothing else may be skipped.
        sender.post("/sharing/" + id + "/fax", "numberChoice", "typed", "typedNumber", "0118 974 6099", "typedNumberAgain", "0118 974 6098",
                "pages", "0", "originatorTelephone", "").andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("Telephone the recipient"), containsString("waiting at the fax machine"), containsString("do not match"),
                        containsString("checked the number on the fax machine"), containsString("number of pages"), containsString("Enter your telephone number"))));
        assertThat(register.get(c.organisation().id(), id).confirmations()).doesNotContainKey("fax.double-check-number");

        Matcher point = Pattern.compile("name=\"numberChoice\" type=\"radio\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertThat(point.find()).isTrue();
        sender.post("/sharing/" + id + "/fax", "numberChoice", point.group(1), "pages", "2", "originatorTelephone", "0118 974 1000",
                "recipientTelephoned", "true", "recipientWaiting", "true", "numberChecked", "true").andExpect(status().is3xxRedirection());
        assertThat(register.get(c.organisation().id(), id).confirmations()).containsKeys("fax.telephone-recipient", "fax.recipient-waiting",
                "fax.double-check-number", "fax.cover-sheet-marked", "fax.cover-sheet-reference");

        byte[] pdf = sender.get("/sharing/" + id + "/fax/cover-sheet.pdf").andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String cover = text(pdf);
        assertThat(cover).contains("CS-" + id.toString().substring(0, 8).toUpperCase(), "Private and Confidential", "Sam Nurse",
                "Wessex Health Trust", "0118 974 6099", "0118 974 1000", "3").doesNotContain("Alex");

        page = sender.get("/sharing/" + id + "/fax").andReturn().getResponse().getContentAsString();
        sender.post("/sharing/" + id + "/fax/sent", ChannelsFixtures.tickAll(page)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Confirm the transmission report")));
        sender.post("/sharing/" + id + "/fax/sent", ChannelsFixtures.tickAll(page, "reportConfirmed", "true")).andExpect(status().is3xxRedirection());
        assertThat(register.get(c.organisation().id(), id).status()).isEqualTo(Status.SHARED);
        assertThat(register.get(c.organisation().id(), id).confirmations()).containsKey("fax.transmission-report");

        sender.get("/sharing/receiving-fax").andExpect(status().isOk()).andExpect(content().string(containsString("consider the location of your fax machine")));
        assertThat(text(sender.get("/sharing/receiving-fax.pdf").andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()))
                .contains("Receiving information securely by fax");
    }

    @Test
    void telephoneIsCarriedOutByTheRegistersChecklistWithItsCallBackAndConfirmations() throws Exception {
        ChannelsFixtures c = ChannelsFixtures.council(fixtures, directory);
        UUID id = c.share(register, "TELEPHONE");
        Visitor sender = fixtures.signIn(mvc, c.practitioner());
        sender.get("/sharing/" + id).andExpect(content().string(allOf(containsString("id=\"carry-out-telephone\""),
                containsString("href=\"/sharing/" + id + "/checklist\""))));
        sender.get("/sharing/" + id + "/checklist").andExpect(content().string(allOf(containsString("safeguard-telephone.not-overheard"),
                containsString("safeguard-telephone.only-to-requester"))));
        sender.get("/sharing/" + id + "/email").andExpect(status().isConflict());
    }

    /** Issue #21: each channel's page, and its refused form, in Welsh: lang="cy" and none of the catalogues' English left. */
    @Test
    void theChannelPagesSpeakWelsh() throws Exception {
        ChannelsFixtures c = ChannelsFixtures.council(fixtures, directory);
        Visitor sender = fixtures.signIn(mvc, c.practitioner());
        for (String channel : List.of("email", "post", "fax")) {
            UUID id = c.share(register, channel.toUpperCase(java.util.Locale.ROOT));
            String page = sender.get("/sharing/" + id + "/" + channel + "?lang=cy").andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("<html lang=\"cy\"");
            NoEnglishLeft.assertNone(org.jsoup.Jsoup.parse(page).body().text(), "the " + channel + " page");
            String refused = sender.post("/sharing/" + id + "/" + channel).andReturn().getResponse().getContentAsString();
            assertThat(refused).contains("<html lang=\"cy\"", "Mae problem wedi codi");
            NoEnglishLeft.assertNone(org.jsoup.Jsoup.parse(refused).body().text(), "the " + channel + " page refused");
        }
        String receipt = mvc.perform(MockMvcRequestBuilders.get("/receipts/no-such-link").header("Accept-Language", "cy"))
                .andReturn().getResponse().getContentAsString();
        assertThat(receipt).contains("<html lang=\"cy\"", "Nid oes modd defnyddio’r ddolen hon");
        NoEnglishLeft.assertNone(org.jsoup.Jsoup.parse(receipt).body().text(), "the receipt link");
    }

    private org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder attachment(UUID id, String address, String route, boolean summary) {
        var request = MockMvcRequestBuilders.multipart("/sharing/" + id + "/email").param("recipientEmail", address).param("passwordRoute", route);
        if (summary) {
            request.param("summary", "true");
        }
        return request.with(csrf());
    }

    private long audited(String action, UUID id) {
        // Sequenced or still waiting for the sequencer: both are in the trail.
        return jdbc.sql("select (select count(*) from audit_entry where action = ? and target = ?)"
                + " + (select count(*) from audit_pending where action = ? and target = ?)")
                .params(action, "sharing-record:" + id, action, "sharing-record:" + id).query(Long.class).single();
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
