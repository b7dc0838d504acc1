package org.caseshare.directory;

import java.util.List;
import java.util.UUID;

import org.caseshare.audit.AuditEntry;
import org.caseshare.audit.AuditTrail;
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
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An organisation admin keeps the directory of partner organisations through the pages; members read
 * it; another tenant never sees it. Bad input is explained in a GOV.UK error summary and saves nothing.
 */
abstract class DirectoryJourneyTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;
    @Autowired
    AuditTrail audit;

    @Test
    void anAdminRecordsAPartnerWithVerifiedContactPointsAndMembersReadIt() throws Exception {
        var council = fixtures.organisation("Council");
        Account adminAccount = fixtures.person(council, Role.ORGANISATION_ADMIN);
        Visitor admin = fixtures.signIn(mvc, adminAccount);

        // Step 1: the directory starts empty and is linked from the navigation.
        admin.get("/organisation/directory").andExpect(status().isOk())
                .andExpect(content().string(containsString("Your directory has no organisations yet")))
                .andExpect(content().string(containsString("href=\"/directory\"")));

        // Step 2: a bad organisation form lists every problem, the mobile among them, and creates nothing.
        admin.post("/organisation/directory", "name", " ", "kind", "", "telephone", "07700 900123")
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("There is a problem"), containsString("Enter the organisation&#39;s name"),
                        containsString("Select what kind of organisation it is"), containsString("07700 900123 is a mobile number"))));
        admin.post("/organisation/directory", "name", "Wessex Health Trust", "kind", "HEALTH", "telephone", "07700 900123")
                .andExpect(content().string(containsString("is a mobile number. The guide says take a main switchboard number")));
        assertThat(directory.search(council.id(), "")).isEmpty();

        // Step 3: the organisation with its switchboard.
        String entryPath = admin.post("/organisation/directory", "name", "Wessex Health Trust", "kind", "HEALTH", "telephone", "+44 118 974 6000")
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID entryId = UUID.fromString(entryPath.substring(entryPath.lastIndexOf('/') + 1));
        admin.get(entryPath).andExpect(content().string(allOf(containsString("Wessex Health Trust added to your directory"),
                containsString("0118 974 6000"), containsString("Not verified"))));

        // Step 4: a secure email domain, a pre-programmed fax, a postal address and a named contact.
        follow(admin.post(entryPath + "/contact-points/new/email-domain", "domain", "@WessexHealth.nhs.uk", "secure", "yes")
                .andExpect(status().is3xxRedirection()), admin);
        follow(admin.post(entryPath + "/contact-points/new/fax", "telephone", "0118 974 6001", "label", "Safeguarding fax")
                .andExpect(status().is3xxRedirection()), admin);
        admin.post(entryPath + "/contact-points/new/address", "line1", "1 High Street", "town", "Wokingham", "postcode", "RG40")
                .andExpect(status().isOk()).andExpect(content().string(containsString("Enter a real postcode, like RG40 1BN")));
        follow(admin.post(entryPath + "/contact-points/new/address", "department", "Safeguarding team", "line1", "1 High Street",
                "town", "Wokingham", "postcode", "rg401bn").andExpect(status().is3xxRedirection()), admin);
        admin.post(entryPath + "/contact-points/new/contact", "name", "Sam Smith", "jobTitle", "Named nurse", "department", "Safeguarding",
                "email", "sam.smith@gmail.com").andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("There is a problem"), containsString("personal webmail"))));
        admin.post(entryPath + "/contact-points/new/contact", "name", "", "jobTitle", "", "department", "", "telephone", "12")
                .andExpect(content().string(allOf(containsString("Enter the contact&#39;s full name"),
                        containsString("Enter the contact&#39;s job title"), containsString("Enter a UK telephone number"))));
        assertThat(directory.entry(council.id(), entryId).orElseThrow().contactPoints()).hasSize(4);
        follow(admin.post(entryPath + "/contact-points/new/contact", "name", "Sam Smith", "jobTitle", "Named nurse", "department", "Safeguarding",
                "telephone", "07700 900456", "email", "Sam.Smith@WessexHealth.nhs.uk").andExpect(status().is3xxRedirection()), admin);

        DirectoryEntry entry = directory.entry(council.id(), entryId).orElseThrow();
        assertThat(entry.contactPoints()).extracting(ContactPoint::kind).containsExactly(ContactPointKind.SWITCHBOARD,
                ContactPointKind.EMAIL_DOMAIN, ContactPointKind.FAX, ContactPointKind.ADDRESS, ContactPointKind.CONTACT);
        admin.get(entryPath).andExpect(content().string(allOf(containsString("wessexhealth.nhs.uk"), containsString("Secure"),
                containsString("Safeguarding fax"), containsString("RG40 1BN"), containsString("Sam Smith"),
                containsString("Mobile – avoid where possible"), containsString("sam.smith@wessexhealth.nhs.uk"))));

        // Step 5: the switchboard is confirmed with the organisation: who and when are shown.
        UUID switchboard = entry.switchboards().get(0).id();
        follow(admin.post(entryPath + "/contact-points/" + switchboard + "/verify").andExpect(status().is3xxRedirection()), admin)
                .andExpect(content().string(allOf(containsString("marked as verified"), containsString("by " + adminAccount.displayName() + " on "))));
        ContactPoint verified = directory.switchboardFor(council.id(), entryId).orElseThrow();
        assertThat(verified.verification().verifiedBy()).isEqualTo(adminAccount.id());
        assertThat(directory.checkTelephone(council.id(), entryId, "0118 974 6000").verdict()).isEqualTo(TelephoneCheck.Verdict.VERIFIED_SWITCHBOARD);

        // Step 6: changing a verified value clears its verification; saving it unchanged does not.
        follow(admin.post(entryPath + "/contact-points/" + switchboard, "telephone", "0118 974 6000", "label", "")
                .andExpect(status().is3xxRedirection()), admin);
        assertThat(directory.switchboardFor(council.id(), entryId).orElseThrow().verified()).isTrue();
        follow(admin.post(entryPath + "/contact-points/" + switchboard, "telephone", "0118 974 7000", "label", "Main reception")
                .andExpect(status().is3xxRedirection()), admin)
                .andExpect(content().string(containsString("The change cleared its verification")));
        assertThat(directory.switchboardFor(council.id(), entryId).orElseThrow().verified()).isFalse();

        // Step 7: a contact point can be removed.
        UUID fax = entry.contactPoints(ContactPointKind.FAX).get(0).id();
        follow(admin.post(entryPath + "/contact-points/" + fax + "/remove").andExpect(status().is3xxRedirection()), admin);
        admin.get(entryPath).andExpect(content().string(not(containsString("Safeguarding fax"))));

        // Step 8: a practitioner reads the directory and searches it, but cannot change it.
        Visitor practitioner = fixtures.signIn(mvc, fixtures.person(council, Role.PRACTITIONER));
        practitioner.get("/").andExpect(content().string(containsString("href=\"/directory\"")));
        practitioner.get("/directory?q=wessex").andExpect(status().isOk()).andExpect(content().string(containsString("Wessex Health Trust")));
        practitioner.get("/directory?q=nomatch").andExpect(content().string(not(containsString("Wessex Health Trust"))));
        practitioner.get("/directory/" + entryId).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("0118 974 7000"), not(containsString("Mark as verified")))));
        practitioner.get(entryPath).andExpect(status().isForbidden());
        practitioner.post(entryPath + "/contact-points/" + switchboard + "/verify").andExpect(status().isForbidden());
        practitioner.post("/organisation/directory", "name", "Sneaky", "kind", "OTHER").andExpect(status().isForbidden());
        assertThat(directory.switchboardFor(council.id(), entryId).orElseThrow().verified()).isFalse();

        // Step 9: every change is in the audit trail, by identifiers only.
        List<AuditEntry> trail = audit.latest(council.id(), 50);
        assertThat(trail).extracting(AuditEntry::action).contains("directory.entry.created", "directory.contact-point.added",
                "directory.contact-point.verified", "directory.contact-point.changed", "directory.contact-point.removed");
        assertThat(trail).allSatisfy(e -> assertThat(e.details() + e.target()).doesNotContain("Sam", "Wessex", "0118", "RG40"));
    }

    /** Follows a redirect as a browser does, so each notice is shown (and used up) on the page it was meant for. */
    private static org.springframework.test.web.servlet.ResultActions follow(org.springframework.test.web.servlet.ResultActions redirect,
            Visitor visitor) throws Exception {
        return visitor.get(redirect.andReturn().getResponse().getRedirectedUrl());
    }

    @Test
    void anotherTenantNeverSeesTheEntries() throws Exception {
        var council = fixtures.organisation("Council");
        Visitor admin = fixtures.signIn(mvc, fixtures.person(council, Role.ORGANISATION_ADMIN));
        String entryPath = admin.post("/organisation/directory", "name", "Private Partner Ltd", "kind", "VOLUNTARY", "telephone", "020 7946 0000")
                .andReturn().getResponse().getRedirectedUrl();
        UUID entryId = UUID.fromString(entryPath.substring(entryPath.lastIndexOf('/') + 1));
        UUID point = directory.switchboardFor(council.id(), entryId).orElseThrow().id();

        var school = fixtures.organisation("School");
        Visitor otherAdmin = fixtures.signIn(mvc, fixtures.person(school, Role.ORGANISATION_ADMIN));
        Visitor otherMember = fixtures.signIn(mvc, fixtures.person(school, Role.PRACTITIONER));
        otherAdmin.get("/directory/" + entryId).andExpect(status().isNotFound());
        otherMember.get("/directory/" + entryId).andExpect(status().isNotFound());
        otherAdmin.get(entryPath).andExpect(status().isNotFound());
        otherAdmin.post(entryPath + "/contact-points/" + point + "/verify").andExpect(status().isNotFound());
        otherAdmin.post(entryPath + "/contact-points/new/fax", "telephone", "020 7946 0001").andExpect(status().isNotFound());
        otherAdmin.get("/organisation/directory?q=Private").andExpect(content().string(not(containsString("Private Partner Ltd"))));
        otherMember.get("/directory").andExpect(content().string(not(containsString("Private Partner Ltd"))));
        assertThat(directory.entry(school.id(), entryId)).isEmpty();
        assertThat(directory.switchboardFor(council.id(), entryId).orElseThrow().verified()).isFalse();
        assertThat(directory.entry(council.id(), entryId).orElseThrow().contactPoints()).hasSize(1);

        // The same name may be in both directories; within one it is refused.
        follow(otherAdmin.post("/organisation/directory", "name", "Private Partner Ltd", "kind", "VOLUNTARY").andExpect(status().is3xxRedirection()), otherAdmin);
        admin.post("/organisation/directory", "name", "private partner ltd", "kind", "OTHER")
                .andExpect(content().string(containsString("Your directory already has an organisation called")));
    }

    @Test
    void theDirectorySpeaksWelshAndRecordsTheLanguageEachOrganisationWorksIn() throws Exception {
        var council = fixtures.organisation("Council");
        Visitor admin = fixtures.signIn(mvc, fixtures.person(council, Role.ORGANISATION_ADMIN));

        // The add form, in Welsh, asks the language with Welsh labels; English is chosen unless changed.
        Document form = page(admin, "/organisation/directory/new?lang=cy");
        assertThat(form.selectFirst("html").attr("lang")).isEqualTo("cy");
        assertThat(form.select("input[name=language] + label").eachText()).containsExactly("Saesneg", "Cymraeg", "Cymraeg a Saesneg");
        assertThat(form.selectFirst("input[name=language][checked]").val()).isEqualTo("en");
        assertThat(form.text()).contains("Ym mha iaith y mae’n gweithio?", "Ysgol neu leoliad blynyddoedd cynnar");
        NoEnglishLeft.assertNone(form.text(), "the add organisation form");

        // A form without the kind is refused in Welsh; with it, the organisation is added working in both languages.
        Document refused = Jsoup.parse(admin.post("/organisation/directory", "name", "Ysgol Gymraeg Aberystwyth", "kind", "", "language", "both")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.text()).contains("Mae problem wedi codi", "Dewiswch pa fath o sefydliad ydyw");
        assertThat(refused.selectFirst("input[name=language][checked]").val()).as("the choice is kept").isEqualTo("both");
        String entryPath = admin.post("/organisation/directory", "name", "Ysgol Gymraeg Aberystwyth", "kind", "SCHOOL", "language", "both")
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID entryId = UUID.fromString(entryPath.substring(entryPath.lastIndexOf('/') + 1));
        assertThat(directory.entry(council.id(), entryId).orElseThrow().language()).isEqualTo(OrganisationLanguage.BOTH);
        Document entry = page(admin, entryPath);
        assertThat(entry.text()).contains("Ysgol Gymraeg Aberystwyth wedi’i ychwanegu at eich cyfeiriadur", "Ysgol neu leoliad blynyddoedd cynnar",
                "Rhifau ffôn y switsfwrdd", "Dim wedi’i gofnodi");
        assertThat(entry.selectFirst("#entry-language").text()).isEqualTo("Iaith: Cymraeg a Saesneg");
        NoEnglishLeft.assertNone(entry.text(), "the entry page");

        // The change form shows the language recorded, and changes it.
        Document change = page(admin, entryPath + "/edit");
        assertThat(change.selectFirst("input[name=language][checked]").val()).isEqualTo("both");
        NoEnglishLeft.assertNone(change.text(), "the change organisation form");
        follow(admin.post(entryPath + "/edit", "name", "Ysgol Gymraeg Aberystwyth", "kind", "SCHOOL", "language", "cy")
                .andExpect(status().is3xxRedirection()), admin);
        assertThat(directory.entry(council.id(), entryId).orElseThrow().language()).isEqualTo(OrganisationLanguage.WELSH);

        // A contact point's form and notice, and the list, in Welsh.
        Document point = page(admin, entryPath + "/contact-points/new/switchboard");
        assertThat(point.selectFirst("h1").text()).isEqualTo("Ychwanegu rhif ffôn y switsfwrdd");
        NoEnglishLeft.assertNone(point.text(), "the contact point form");
        Document mobile = Jsoup.parse(admin.post(entryPath + "/contact-points/new/switchboard", "telephone", "07700 900123", "label", "")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(mobile.selectFirst(".govuk-error-summary__list").text()).contains("yn rhif ffôn symudol", "rhowch switsfwrdd y sefydliad");
        NoEnglishLeft.assertNone(mobile.text(), "the contact point form refused");
        Document address = Jsoup.parse(admin.post(entryPath + "/contact-points/new/address", "line1", "", "town", "Aberystwyth", "postcode", "SY23")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(address.selectFirst(".govuk-error-summary__list").text()).contains("Rhowch linell gyntaf y cyfeiriad",
                "Rhowch god post go iawn, fel RG40 1BN");
        NoEnglishLeft.assertNone(address.text(), "the address form refused");
        Document added = Jsoup.parse(follow(admin.post(entryPath + "/contact-points/new/switchboard", "telephone", "01970 636 000", "label", "")
                .andExpect(status().is3xxRedirection()), admin).andReturn().getResponse().getContentAsString());
        assertThat(added.selectFirst("#notice").text()).startsWith("Rhif ffôn y switsfwrdd: wedi’i ychwanegu.");
        assertThat(added.text()).contains("Heb ei wirio", "Marcio fel wedi’i wirio");
        NoEnglishLeft.assertNone(added.text(), "the entry page with a switchboard");
        Document list = page(admin, "/organisation/directory");
        assertThat(list.text()).contains("Cyfeiriadur", "Ysgol Gymraeg Aberystwyth");
        NoEnglishLeft.assertNone(list.text(), "the directory");

        // In English the same entry reads as it always did, with its language.
        Document english = page(admin, entryPath + "?lang=en");
        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(english.selectFirst("#entry-language").text()).isEqualTo("Language: Welsh");
        assertThat(english.text()).contains("School or early years setting", "Switchboard telephone numbers", "Not verified");
    }

    private static Document page(Visitor visitor, String path) throws Exception {
        return Jsoup.parse(visitor.get(path).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
