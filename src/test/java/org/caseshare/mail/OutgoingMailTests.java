package org.caseshare.mail;

import java.util.List;

import org.caseshare.system.Languages;
import org.caseshare.system.Text;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Emails written from the catalogues: the English word for word as before, Welsh, or both in one message, Welsh first. */
class OutgoingMailTests {

    private static final List<Text> PARAGRAPHS = List.of(Text.of("mail.request.asked"), Text.of("mail.hub.accept-invitation"),
            Text.of("mail.request.sign-in"), Text.literal("https://caseshare.example.org/hub/requests/1"));

    @Test
    void englishIsTheEmailAsItWasWritten() {
        OutgoingMail mail = OutgoingMail.written("sam@school.example.org", List.of(), Text.of("mail.private"), PARAGRAPHS);
        assertThat(mail.subject()).isEqualTo("Private and Confidential");
        assertThat(mail.body()).isEqualTo("Someone has asked you for files through Caseshare's secure hub.\n\n"
                + "First accept the separate invitation email to create your personal login.\n\n"
                + "Sign in to see what is asked for and to upload the files securely:\n\n"
                + "https://caseshare.example.org/hub/requests/1\n");
    }

    @Test
    void welshIsWelshOnly() {
        OutgoingMail mail = OutgoingMail.written("sam@ysgol.example.org", List.of(Languages.WELSH), Text.of("mail.private"), PARAGRAPHS);
        assertThat(mail.subject()).isEqualTo("Preifat a Chyfrinachol");
        assertThat(mail.body()).startsWith("Mae rhywun wedi gofyn i chi am ffeiliau drwy hwb diogel Caseshare.\n\n")
                .endsWith("\n\nhttps://caseshare.example.org/hub/requests/1\n").doesNotContain("Someone", "Sign in");
    }

    @Test
    void bothIsWelshThenEnglishInOneMessage() {
        OutgoingMail mail = OutgoingMail.written("sam@ysgol.example.org", List.of(Languages.WELSH, Languages.ENGLISH), Text.of("mail.private"),
                PARAGRAPHS);
        assertThat(mail.subject()).isEqualTo("Preifat a Chyfrinachol / Private and Confidential");
        String[] halves = mail.body().split(OutgoingMail.BETWEEN_LANGUAGES);
        assertThat(halves).hasSize(2);
        assertThat(halves[0]).startsWith("Mae rhywun wedi gofyn");
        assertThat(halves[1]).startsWith("Someone has asked you for files").endsWith("/hub/requests/1\n");
    }

    @Test
    void theReceiptLinkEmailKeepsItsLineBreaks() {
        OutgoingMail mail = OutgoingMail.written("sam@school.example.org", List.of(), Text.of("mail.private"),
                List.of(Text.of("mail.email-channel.password-follows")));
        assertThat(mail.body()).isEqualTo("Once you confirm, the password for the attachment will be sent to you in a separate email.\n"
                + "Open the attachment with 7-Zip, WinZip, PeaZip or The Unarchiver: the ZIP support built\n"
                + "into Windows and macOS may not open AES-encrypted files.\n");
    }
}
