package org.caseshare.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.caseshare.custody.UkTime;
import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.directory.OrganisationLanguage;
import org.caseshare.exchange.FileRequests;
import org.caseshare.exchange.NewFileRequest;
import org.caseshare.identity.Account;
import org.caseshare.identity.Invitations;
import org.caseshare.identity.Members;
import org.caseshare.identity.Role;
import org.caseshare.incident.IncidentForms;
import org.caseshare.incident.IncidentRegister;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.NoEnglishLeft;
import org.caseshare.support.Visitor;
import org.caseshare.system.AccountLanguages;
import org.caseshare.system.Actor;
import org.caseshare.system.Languages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Email to another organisation is written in the language the sender's directory records for it
 * (Welsh Language Standards): Welsh to an organisation that works in Welsh, Welsh then English in one
 * message to one that works in both, English to the rest. Through a real SMTP server (GreenMail), so
 * what arrives is what was meant, encoding and all; still no personal data in any of them. Email to a
 * person with a login is written in the language they chose (account.language), English when they
 * chose none; a partner's hub invitation in the language the inviting organisation's directory
 * records for the partner's organisation.
 */
class MailInTheRecipientsLanguageIntegrationTests extends IntegrationTest {

    private static final SmtpStandIn SMTP = new SmtpStandIn();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
    }

    @AfterAll
    static void stop() {
        SMTP.close();
    }

    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;
    @Autowired
    FileRequests requests;
    @Autowired
    Invitations invitations;
    @Autowired
    Members members;
    @Autowired
    AccountLanguages languages;
    @Autowired
    IncidentRegister incidents;
    @Autowired
    MockMvc mvc;
    @Autowired
    Clock clock;

    @Test
    void eachOrganisationIsWrittenToInItsOwnLanguage() throws Exception {
        GreenMail smtp = SMTP.greenMail();
        Organisation council = fixtures.organisation("Council");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        Actor adminActor = new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN));
        Account practitioner = fixtures.person(council, Role.PRACTITIONER);
        Actor asker = new Actor(practitioner.id(), council.id(), practitioner.displayName(), Set.of("PRACTITIONER"));

        String welsh = ask(asker, addEntry(adminActor, "Ysgol Gymraeg", OrganisationLanguage.WELSH));
        String both = ask(asker, addEntry(adminActor, "Ysgol Ddwyieithog", OrganisationLanguage.BOTH));
        String english = ask(asker, addEntry(adminActor, "English School", OrganisationLanguage.ENGLISH));

        MimeMessage toWelsh = waitForMailTo(smtp, welsh);
        assertThat(toWelsh.getSubject()).isEqualTo("Preifat a Chyfrinachol");
        assertThat(body(toWelsh)).contains("Mae rhywun wedi gofyn i chi am ffeiliau drwy hwb diogel Caseshare.", "/hub/requests/")
                .doesNotContain("Someone has asked you", "Sign in", "Attendance", "Child protection");

        MimeMessage toBoth = waitForMailTo(smtp, both);
        assertThat(toBoth.getSubject()).isEqualTo("Preifat a Chyfrinachol / Private and Confidential");
        String bilingual = body(toBoth);
        assertThat(bilingual).contains("Mae rhywun wedi gofyn i chi am ffeiliau", "Someone has asked you for files through Caseshare's secure hub.")
                .doesNotContain("Attendance", "Child protection");
        assertThat(bilingual.indexOf("Mae rhywun wedi gofyn")).as("Welsh first").isLessThan(bilingual.indexOf("Someone has asked you"));

        MimeMessage toEnglish = waitForMailTo(smtp, english);
        assertThat(toEnglish.getSubject()).isEqualTo("Private and Confidential");
        assertThat(body(toEnglish)).startsWith("Someone has asked you for files through Caseshare's secure hub.").doesNotContain("Mae rhywun");
    }

    @Test
    void anOrganisationsLanguageIsKeptAndChanged() {
        Organisation council = fixtures.organisation("Council");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        Actor adminActor = new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN));
        DirectoryEntry entry = directory.addEntry(adminActor, Fixtures.unique("Ysgol"), OrganisationKind.SCHOOL, List.of());
        assertThat(entry.language()).as("English unless said").isEqualTo(OrganisationLanguage.ENGLISH);
        directory.changeEntry(adminActor, entry.id(), entry.name(), entry.kind(), OrganisationLanguage.BOTH);
        assertThat(directory.entry(council.id(), entry.id()).orElseThrow().language()).isEqualTo(OrganisationLanguage.BOTH);
        directory.changeEntry(adminActor, entry.id(), entry.name(), OrganisationKind.HEALTH);
        assertThat(directory.entry(council.id(), entry.id()).orElseThrow().language()).as("kept when not given").isEqualTo(OrganisationLanguage.BOTH);
    }

    @Test
    void aPasswordResetLinkIsSentInTheLanguageThePersonChose() throws Exception {
        GreenMail smtp = SMTP.greenMail();
        Organisation council = fixtures.organisation("Council");
        Account welsh = fixtures.person(council, Role.PRACTITIONER);
        languages.remember(welsh.id(), Languages.WELSH);
        Account english = fixtures.person(council, Role.PRACTITIONER);

        new Visitor(mvc).post("/password/reset", "email", welsh.email());
        new Visitor(mvc).post("/password/reset", "email", english.email());

        MimeMessage inWelsh = waitForMailTo(smtp, welsh.email(), "Ailosod");
        assertThat(inWelsh.getSubject()).isEqualTo("Ailosod eich cyfrinair Caseshare");
        assertThat(body(inWelsh)).contains("Mae rhywun, chi fwy na thebyg, wedi gofyn", "/password/reset/", "munud")
                .doesNotContain("Someone", "Open this link", welsh.displayName());
        MimeMessage inEnglish = waitForMailTo(smtp, english.email(), "Reset");
        assertThat(inEnglish.getSubject()).isEqualTo("Reset your Caseshare password");
        assertThat(body(inEnglish)).startsWith("Someone, probably you, asked to reset the password of your Caseshare account.\n\n"
                + "Open this link to choose a new password. It works once and expires in ").doesNotContain("Mae rhywun");
    }

    @Test
    void theDataProtectionOfficersAreToldOfAnIncidentEachInTheirLanguage() throws Exception {
        GreenMail smtp = SMTP.greenMail();
        Organisation council = fixtures.organisation("Council");
        Account welshOfficer = fixtures.person(council, Role.DATA_PROTECTION_OFFICER);
        languages.remember(welshOfficer.id(), Languages.WELSH);
        Account englishOfficer = fixtures.person(council, Role.DATA_PROTECTION_OFFICER);
        Account practitioner = fixtures.person(council, Role.PRACTITIONER);
        var discovered = clock.instant().minus(Duration.ofHours(2)).atZone(UkTime.ZONE);
        var outcome = incidents.report(new Actor(practitioner.id(), council.id(), practitioner.displayName(), Set.of("PRACTITIONER")),
                new IncidentForms.Report("Bag with the case file of Jo Bloggs left on the train",
                        discovered.getDayOfMonth() + "/" + discovered.getMonthValue() + "/" + discovered.getYear(),
                        String.format("%02d:%02d", discovered.getHour(), discovered.getMinute()), "3", "1", "Could be read", "Rang lost property",
                        null, null, null));
        assertThat(outcome.problems()).isEmpty();

        MimeMessage inWelsh = waitForMailTo(smtp, welshOfficer.email(), "Caseshare");
        assertThat(inWelsh.getSubject()).isEqualTo("Caseshare: rhoddwyd gwybod am golled neu golled a amheuir");
        assertThat(body(inWelsh)).contains("Swyddfa’r Comisiynydd Gwybodaeth", "/incidents").doesNotContain("Jo Bloggs", "loss", "Sign in");
        MimeMessage inEnglish = waitForMailTo(smtp, englishOfficer.email(), "Caseshare");
        assertThat(inEnglish.getSubject()).isEqualTo("Caseshare: a loss or suspected loss has been reported");
        assertThat(body(inEnglish)).startsWith("A loss or suspected loss of personal information has been reported in your organisation.\n\n"
                + "The 72-hour clock to decide whether to report it to the Information Commissioner's Office has started."
                + " Sign in to Caseshare to see it and record your decision: http").endsWith("/incidents");
    }

    @Test
    void aPartnerIsInvitedInTheLanguageTheDirectoryRecordsForTheirOrganisation() throws Exception {
        GreenMail smtp = SMTP.greenMail();
        Organisation council = fixtures.organisation("Council");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        Actor adminActor = new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN));
        Account practitioner = fixtures.person(council, Role.PRACTITIONER);

        String welsh = invitePartner(adminActor, practitioner, "Ysgol Gymraeg", OrganisationLanguage.WELSH);
        String both = invitePartner(adminActor, practitioner, "Ysgol Ddwyieithog", OrganisationLanguage.BOTH);
        String english = invitePartner(adminActor, practitioner, "English School", OrganisationLanguage.ENGLISH);

        MimeMessage toWelsh = waitForMailTo(smtp, welsh, "Caseshare");
        assertThat(toWelsh.getSubject()).isEqualTo("Rydych wedi cael gwahoddiad i Caseshare");
        assertThat(body(toWelsh)).contains("Rydych wedi cael gwahoddiad i ymuno â’r sefydliad Ysgol Gymraeg", "/invitations/")
                .doesNotContain("You have been invited", "Open this link");
        MimeMessage toBoth = waitForMailTo(smtp, both, "Caseshare");
        assertThat(toBoth.getSubject()).isEqualTo("Rydych wedi cael gwahoddiad i Caseshare / You have been invited to Caseshare");
        String bilingual = body(toBoth);
        assertThat(bilingual.indexOf("Rydych wedi cael gwahoddiad")).as("Welsh first").isGreaterThanOrEqualTo(0)
                .isLessThan(bilingual.indexOf("You have been invited to join"));
        MimeMessage toEnglish = waitForMailTo(smtp, english, "Caseshare");
        assertThat(toEnglish.getSubject()).isEqualTo("You have been invited to Caseshare");
        assertThat(body(toEnglish)).startsWith("You have been invited to join English School").doesNotContain("Rydych");
    }

    @Test
    void someoneWithALoginElsewhereIsToldOfTheTryInTheLanguageTheyChose() throws Exception {
        GreenMail smtp = SMTP.greenMail();
        Organisation council = fixtures.organisation("Council");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        Account elsewhere = fixtures.person(fixtures.organisation("Ysgol"), Role.PRACTITIONER);
        languages.remember(elsewhere.id(), Languages.WELSH);

        invitations.invite(council.id(), elsewhere.email(), Role.PRACTITIONER, admin.id());

        MimeMessage told = waitForMailTo(smtp, elsewhere.email(), "Caseshare");
        assertThat(told.getSubject()).isEqualTo("Mae rhywun wedi ceisio eich gwahodd i Caseshare");
        assertThat(body(told)).contains("Mae rhywun o’r sefydliad " + council.name()).doesNotContain("Someone", "/invitations/");
    }

    @Test
    void theInvitationFormWritesToSomeoneJoiningInTheLanguageChosenAndWelshOnlyStartsTheirAccountInWelsh() throws Exception {
        GreenMail smtp = SMTP.greenMail();
        Organisation council = fixtures.organisation("Cyngor");
        Visitor admin = fixtures.signIn(mvc, fixtures.person(council, Role.ORGANISATION_ADMIN));
        String welsh = Fixtures.unique("gweithiwr") + "@cyngor.example.org";
        String both = Fixtures.unique("worker") + "@cyngor.example.org";

        admin.post("/organisation/members/invitations", "email", welsh, "role", "PRACTITIONER", "emailLanguage", "cy")
                .andExpect(redirectedUrl("/organisation/members"));
        admin.post("/organisation/members/invitations", "email", both, "role", "MANAGER", "emailLanguage", "both")
                .andExpect(redirectedUrl("/organisation/members"));

        MimeMessage toWelsh = waitForMailTo(smtp, welsh, "Caseshare");
        assertThat(toWelsh.getSubject()).isEqualTo("Rydych wedi cael gwahoddiad i Caseshare");
        assertThat(body(toWelsh)).contains("Rydych wedi cael gwahoddiad i ymuno â’r sefydliad " + council.name(), "/invitations/")
                .doesNotContain("You have been invited", "Open this link");
        MimeMessage toBoth = waitForMailTo(smtp, both, "Caseshare");
        assertThat(toBoth.getSubject()).isEqualTo("Rydych wedi cael gwahoddiad i Caseshare / You have been invited to Caseshare");
        String bilingual = body(toBoth);
        assertThat(bilingual.indexOf("Rydych wedi cael gwahoddiad i ymuno")).as("Welsh first").isGreaterThanOrEqualTo(0)
                .isLessThan(bilingual.indexOf("You have been invited to join " + council.name()));

        // Invited in Welsh only: the account starts in Welsh. Invited in both: nothing chosen for them.
        accept(body(toWelsh), "Nia Newydd");
        accept(bilingual, "Sam New");
        assertThat(languages.chosenBy(members.findByEmail(welsh).orElseThrow().id())).contains(Languages.WELSH);
        assertThat(languages.chosenBy(members.findByEmail(both).orElseThrow().id())).isEmpty();
    }

    @Test
    void theInvitationFormOffersTheLanguageTheOrganisationsOwnDirectoryRecordsAndRefusesAnother() throws Exception {
        GreenMail smtp = SMTP.greenMail();
        Organisation council = fixtures.organisation("Cyngor");
        Account adminAccount = fixtures.person(council, Role.ORGANISATION_ADMIN);
        Visitor admin = fixtures.signIn(mvc, adminAccount);
        Document english = Jsoup.parse(admin.get("/organisation/members").andReturn().getResponse().getContentAsString());
        assertThat(english.getElementById("emailLanguage").hasAttr("checked")).as("English when the directory records nothing").isTrue();
        assertThat(english.getElementById("emailLanguage-cy").hasAttr("checked")).isFalse();
        assertThat(english.select("label[for=emailLanguage-cy]").text()).isEqualTo("Cymraeg");

        Actor adminActor = new Actor(adminAccount.id(), council.id(), adminAccount.displayName(), Set.of(Actor.ORGANISATION_ADMIN));
        directory.addEntry(adminActor, council.name(), OrganisationKind.COUNCIL, OrganisationLanguage.WELSH, List.of());
        Document welsh = Jsoup.parse(admin.get("/organisation/members").andReturn().getResponse().getContentAsString());
        assertThat(welsh.getElementById("emailLanguage-cy").hasAttr("checked")).as("the directory's own entry works in Welsh").isTrue();
        assertThat(welsh.getElementById("emailLanguage").hasAttr("checked")).isFalse();

        // A form that sends no choice (a page loaded before) follows the directory too.
        String invitee = Fixtures.unique("gweithiwr") + "@cyngor.example.org";
        admin.post("/organisation/members/invitations", "email", invitee, "role", "PRACTITIONER").andExpect(redirectedUrl("/organisation/members"));
        assertThat(waitForMailTo(smtp, invitee, "Caseshare").getSubject()).isEqualTo("Rydych wedi cael gwahoddiad i Caseshare");

        // A value not offered is a field error; the admin's other answers are kept and nothing is sent.
        String refused = Fixtures.unique("refused") + "@cyngor.example.org";
        Document error = Jsoup.parse(admin.post("/organisation/members/invitations", "email", refused, "role", "MANAGER", "emailLanguage", "fr")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(error.select(".govuk-error-summary a[href=\"#emailLanguage\"]").text()).isEqualTo("Select the language of the invitation email");
        assertThat(error.getElementById("emailLanguage-error").text()).contains("Select the language of the invitation email");
        assertThat(error.getElementById("email").val()).isEqualTo(refused);
        assertThat(members.findByEmail(refused)).isEmpty();
        assertThat(invitations.list(council.id())).extracting(i -> i.email()).doesNotContain(refused);

        // The choice and its error in Welsh, for an admin who reads Welsh.
        Document cymraeg = Jsoup.parse(admin.get("/organisation/members?lang=cy").andReturn().getResponse().getContentAsString());
        assertThat(cymraeg.selectFirst("html").attr("lang")).isEqualTo("cy");
        assertThat(cymraeg.getElementById("emailLanguage").parents().select("legend").first().text()).isEqualTo("Iaith yr e-bost gwahodd");
        assertThat(cymraeg.select("label[for^=emailLanguage]").eachText())
                .containsExactly("Saesneg", "Cymraeg", "Y ddwy: Cymraeg yn gyntaf, yna Saesneg");
        NoEnglishLeft.assertNone(cymraeg.text(), "the members page in Welsh");
        Document gwall = Jsoup.parse(admin.post("/organisation/members/invitations", "email", refused, "role", "MANAGER", "emailLanguage", "")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(gwall.getElementById("emailLanguage-error").text()).contains("Dewiswch iaith yr e-bost gwahodd");
    }

    /** Accepts the invitation whose link is in this email's body. */
    private void accept(String body, String name) throws Exception {
        String link = body.lines().filter(l -> l.contains("/invitations/")).findFirst().orElseThrow().strip();
        new Visitor(mvc).post(link.substring(link.indexOf("/invitations/")), "name", name, "password", Fixtures.PASSWORD,
                "confirmPassword", Fixtures.PASSWORD).andExpect(redirectedUrl("/login?joined"));
    }

    /** Invites a new person at a new organisation the council's directory records as working in this language. */
    private String invitePartner(Actor admin, Account practitioner, String name, OrganisationLanguage language) {
        Organisation school = fixtures.organisation(name);
        directory.addEntry(admin, school.name(), OrganisationKind.SCHOOL, language, List.of());
        String email = Fixtures.unique("teacher") + "@school.example.org";
        invitations.invite(school.id(), email, Role.PARTNER, practitioner.id());
        return email;
    }

    private DirectoryEntry addEntry(Actor admin, String name, OrganisationLanguage language) {
        Organisation school = fixtures.organisation(name);
        return directory.addEntry(admin, school.name(), OrganisationKind.SCHOOL, language, List.of());
    }

    /** Asks a new person at the entry's organisation for files; the address the notice goes to. */
    private String ask(Actor asker, DirectoryEntry entry) {
        String email = Fixtures.unique("teacher") + "@school.example.org";
        LocalDate due = LocalDate.now().plusDays(10);
        requests.create(asker, new NewFileRequest(entry.id(), email, "Attendance record for this term", "Child protection conference",
                due.getDayOfMonth() + "/" + due.getMonthValue() + "/" + due.getYear(), null));
        return email;
    }

    /** The notice (not the invitation) sent to this address. */
    private static MimeMessage waitForMailTo(GreenMail smtp, String to) throws Exception {
        return waitForMailTo(smtp, to, "Private and Confidential", "Preifat a Chyfrinachol");
    }

    /** The first email to exactly this address whose subject has one of these in it. */
    private static MimeMessage waitForMailTo(GreenMail smtp, String to, String... subjectParts) throws Exception {
        for (int attempt = 0; attempt < 200; attempt++) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equalsIgnoreCase(to)
                        && java.util.Arrays.stream(subjectParts).anyMatch(message.getSubject()::contains)) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No email to " + to);
    }

    private static String body(MimeMessage message) throws Exception {
        return ((String) message.getContent()).replace("\r\n", "\n");
    }
}
