package org.caseshare.mail;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.directory.OrganisationLanguage;
import org.caseshare.exchange.FileRequests;
import org.caseshare.exchange.NewFileRequest;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.system.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Email to another organisation is written in the language the sender's directory records for it
 * (Welsh Language Standards): Welsh to an organisation that works in Welsh, Welsh then English in one
 * message to one that works in both, English to the rest. Through a real SMTP server (GreenMail), so
 * what arrives is what was meant, encoding and all; still no personal data in any of them.
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
        for (int attempt = 0; attempt < 200; attempt++) {
            for (MimeMessage message : smtp.getReceivedMessagesForDomain(to)) {
                if (message.getSubject().contains("Private and Confidential") || message.getSubject().contains("Preifat a Chyfrinachol")) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No notice to " + to);
    }

    private static String body(MimeMessage message) throws Exception {
        return ((String) message.getContent()).replace("\r\n", "\n");
    }
}
