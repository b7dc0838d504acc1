package org.caseshare.identity;

import java.time.Instant;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.caseshare.support.Browser;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person who forgot their password and lost their phone, in a real headless Chromium with email
 * through a real SMTP server (GreenMail): recovery codes at enrolment → "Forgot your password?" →
 * the link from the email → a new password → the second factor is still asked for → a recovery
 * code instead of the lost authenticator → the same code refused the second time.
 */
class AccountRecoveryBrowserIntegrationTests extends IntegrationTest {

    /** Started before the Spring context, which reads its port. */
    static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;

    @Test
    void forgottenPasswordAndLostPhone() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        String newPassword = "quiet harbour lantern seventeen";
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            // Enrolment, then the recovery codes, shown once.
            browser.go("/login").signInWithPassword(person.email(), Fixtures.PASSWORD);
            browser.clickText("I cannot scan the QR code");
            browser.type("code", Totp.code(browser.text("manual-key"), Totp.step(Instant.now()))).click("confirm");
            assertThat(browser.path()).isEqualTo("/account/recovery-codes/first");
            browser.screenshot("recovery-01-codes");
            List<String> codes = browser.driver().findElements(By.cssSelector("#recovery-codes li")).stream().map(WebElement::getText).toList();
            assertThat(codes).hasSize(10).allMatch(code -> code.matches("[A-Z2-9]{5}-[A-Z2-9]{5}"));
            browser.click("saved-codes");
            assertThat(browser.path()).isEqualTo("/");
            browser.click("sign-out");

            // Forgot the password: the link comes by email.
            // The link is on the password step, after the email address.
            browser.go("/login").type("email", person.email()).click("continue").click("forgot-password");
            browser.type("email", person.email()).click("send-link").screenshot("recovery-02-sent");
            assertThat(browser.text("sent")).contains("If " + person.email() + " has a Caseshare account");
            assertThat(smtp.waitForIncomingEmail(30_000, 1)).as("the reset email arrives").isTrue();
            MimeMessage mail = smtp.getReceivedMessagesForDomain(person.email())[0];
            assertThat(mail.getSubject()).isEqualTo("Reset your Caseshare password");
            String body = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=\n", "");
            String link = body.substring(body.indexOf("/password/reset/")).lines().findFirst().orElseThrow().strip();
            assertThat(body).doesNotContain(person.displayName());

            browser.go(link).type("newPassword", "password1234").click("reset-password");
            assertThat(browser.page()).contains("There is a problem", "This password is too common");
            browser.type("newPassword", newPassword).click("reset-password").screenshot("recovery-03-reset");
            assertThat(browser.text("reset-done")).contains("Your password has been changed");

            // The new password, and the second factor is still asked for: the phone is lost, so a recovery code.
            browser.click("go-sign-in").signInWithPassword(person.email(), newPassword);
            assertThat(browser.path()).isEqualTo("/mfa");
            browser.click("use-recovery-code-link").type("code", codes.get(0)).click("use-recovery-code");
            assertThat(browser.path()).isEqualTo("/account");
            assertThat(browser.text("notice")).contains("You have 9 recovery codes left");
            browser.screenshot("recovery-04-signed-in");
            browser.click("sign-out");

            // The link and the code each worked once.
            browser.go(link);
            assertThat(browser.page()).contains("This link has expired or has already been used");
            browser.go("/login").signInWithPassword(person.email(), newPassword);
            browser.click("use-recovery-code-link").type("code", codes.get(0)).click("use-recovery-code");
            assertThat(browser.page()).contains("The recovery code is not correct or has already been used");
            assertThat(browser.path()).isEqualTo("/mfa/recovery");
        }
    }
}
