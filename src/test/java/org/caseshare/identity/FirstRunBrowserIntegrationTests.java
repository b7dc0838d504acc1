package org.caseshare.identity;

import java.time.Instant;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.caseshare.support.Browser;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.Totp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first day of a Caseshare install, in a real headless Chromium against the real server, with
 * email through a real SMTP server (GreenMail): first-run setup → the admin invites a member → the
 * member accepts, sets a password, enrols their authenticator → signs out.
 */
class FirstRunBrowserIntegrationTests extends IntegrationTest {

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
    FirstRunSetup setup;

    @Test
    void setUpInviteAcceptEnrolAndSignOut() throws Exception {
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            // Step 1: the one-time setup link from the console.
            browser.go("/setup/" + setup.token()).screenshot("01-setup");
            browser.click("create").screenshot("02-setup-errors");
            assertThat(browser.page()).contains("There is a problem", "Enter the organisation's name");
            browser.type("organisationName", "Wessex County Council").select("kind", "COUNCIL").type("name", "Sam Setup")
                    .type("email", "sam.setup@wessex.example.org").type("password", "wessex admin passphrase")
                    .type("confirmPassword", "wessex admin passphrase").click("create");
            assertThat(browser.page()).contains("Your account is ready");

            // Step 2: the administrator signs in and enrols their authenticator.
            browser.signInWithPassword("sam.setup@wessex.example.org", "wessex admin passphrase");
            enrol(browser, "03-admin-enrol");
            assertThat(browser.text("welcome")).contains("Sam Setup");

            // Step 3: invite a member.
            browser.go("/organisation/members").click("email").type("email", "robin.new@wessex.example.org")
                    .click("role-MANAGER").click("invite");
            assertThat(browser.text("notice")).contains("Invitation sent");
            browser.screenshot("04-invited");
            // Email goes after the invitation's transaction commits, on another thread: wait for it to arrive.
            assertThat(smtp.waitForIncomingEmail(30_000, 1)).as("the invitation arrives").isTrue();
            MimeMessage invitation = smtp.getReceivedMessagesForDomain("robin.new@wessex.example.org")[0];
            assertThat(invitation.getSubject()).isEqualTo("You have been invited to Caseshare");
            String body = GreenMailUtil.getBody(invitation);
            String path = body.substring(body.indexOf("/invitations/")).lines().findFirst().orElseThrow().strip();
            browser.click("sign-out");

            // Step 4: the member accepts, sets a password and enrols.
            browser.go(path).screenshot("05-accept");
            assertThat(browser.page()).contains("Manager", "robin.new@wessex.example.org");
            browser.type("name", "Robin New").type("password", "heron meadow passphrase").type("confirmPassword", "heron meadow passphrase")
                    .click("create-account");
            browser.signInWithPassword("robin.new@wessex.example.org", "heron meadow passphrase");
            enrol(browser, "06-member-enrol");
            assertThat(browser.text("welcome")).contains("Robin New");
            browser.screenshot("07-member-home");

            // Step 5: sign out; the pages are closed again.
            browser.click("sign-out");
            assertThat(browser.page()).contains("You have signed out");
            browser.go("/");
            assertThat(browser.path()).isEqualTo("/login");
            browser.go(path);
            assertThat(browser.page()).contains("This invitation link cannot be used");
        }
    }

    private static void enrol(Browser browser, String screenshot) throws Exception {
        assertThat(browser.path()).isEqualTo("/mfa/enrol");
        browser.clickText("I cannot scan the QR code").screenshot(screenshot);
        String seed = browser.text("manual-key");
        browser.type("code", Totp.code(seed, Totp.step(Instant.now()))).click("confirm");
        assertThat(browser.path()).isEqualTo("/account/recovery-codes/first");
        browser.click("saved-codes");
        assertThat(browser.path()).isEqualTo("/");
    }
}
