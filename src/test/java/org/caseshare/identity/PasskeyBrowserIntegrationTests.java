package org.caseshare.identity;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.Organisation;
import org.caseshare.support.Browser;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.Totp;
import org.caseshare.system.AccountLanguages;
import org.caseshare.system.Languages;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys in a real Chromium with Chrome's virtual authenticator (a platform authenticator that
 * verifies the user): add one on the account page, sign out, sign in with it alone; a second-factor
 * reset by the organisation admin removes it.
 */
class PasskeyBrowserIntegrationTests extends IntegrationTest {

    static final int PORT = freePort();

    /** Passkeys are bound to the origin people use, so the server listens where base-url says. */
    @DynamicPropertySource
    static void origin(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("caseshare.base-url", () -> "http://localhost:" + PORT);
    }

    @Autowired
    Fixtures fixtures;
    @Autowired
    Members members;
    @Autowired
    Passkeys passkeys;
    @Autowired
    AuditTrail audit;
    @Autowired
    AccountLanguages languages;

    @Test
    void addAPasskeyThenSignInWithItAlone() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        Account person = fixtures.person(organisation, Role.PRACTITIONER);
        Account admin = fixtures.person(organisation, Role.ORGANISATION_ADMIN);
        try (Browser browser = Browser.open("http://localhost:" + PORT)) {
            ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                    .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2).setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                    .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));

            browser.go("/login").signInWithPassword(person.email(), Fixtures.PASSWORD);
            browser.clickText("I cannot scan the QR code");
            browser.type("code", Totp.code(browser.text("manual-key"), Totp.step(Instant.now()))).click("confirm");

            browser.go("/account").type("passkey-label", "Work laptop").click("add-passkey");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("passkeys")));
            assertThat(browser.text("passkeys")).contains("Work laptop");
            browser.screenshot("passkey-added");
            assertThat(passkeys.list(person.id())).hasSize(1);

            browser.click("sign-out");
            assertThat(languages.chosenBy(person.id())).isEmpty();
            // Cymraeg chosen on the sign-in page, then in with the passkey: the account keeps the choice.
            browser.click("language-cy");
            browser.click("passkey-sign-in");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
            assertThat(browser.text("welcome")).contains("Test Practitioner");
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("cy");
            assertThat(languages.chosenBy(person.id())).contains(Languages.WELSH);
            browser.screenshot("passkey-signed-in");
            assertThat(audit.latest(organisation.id(), 10)).anySatisfy(entry -> {
                assertThat(entry.action()).isEqualTo("login.success");
                assertThat(entry.details()).contains("passkey");
            });
            assertThat(audit.latest(organisation.id(), 20)).extracting(e -> e.action()).contains("passkey.registered");

            members.resetSecondFactor(organisation.id(), person.id(), admin.id().toString());
            assertThat(passkeys.list(person.id())).isEmpty();
            browser.go("/");
            assertThat(browser.path()).isEqualTo("/login");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
