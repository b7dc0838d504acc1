package org.caseshare.identity;

import java.time.Instant;
import java.util.UUID;

import org.caseshare.directory.Organisation;
import org.caseshare.support.Browser;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.OidcProvider;
import org.caseshare.support.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on in a real Chromium through a real provider's login page (mock-oauth2-server's
 * interactive page, where the "person" types a user name and the claims their IdP would send).
 */
class SsoBrowserIntegrationTests extends IntegrationTest {

    static OidcProvider idp;

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SsoSettings settings;
    @Autowired
    Members members;

    @BeforeAll
    static void startProvider() {
        idp = OidcProvider.interactive();
    }

    @AfterAll
    static void stopProvider() {
        idp.close();
    }

    record Sso(Organisation organisation, String domain) {
        String email(String name) {
            return name + "@" + domain;
        }
    }

    private Sso sso() {
        Organisation organisation = fixtures.organisation("Council");
        String domain = Fixtures.unique("browser").toLowerCase() + ".example.org";
        String issuerId = Fixtures.unique("idp").toLowerCase();
        settings.configure(organisation.id(), new SsoSettingsForm(idp.issuer(issuerId), "caseshare", "secret", domain, "groups",
                "g-admins = organisation-admin", "practitioner", "", false), UUID.randomUUID());
        return new Sso(organisation, domain);
    }

    /** From Caseshare's sign-in page to the provider's login page, where the person signs in, and back. */
    private static void signInAtProvider(Browser browser, String email, String subject, String claimsJson) {
        browser.go("/login").type("email", email).click("continue").click("continue-to-provider");
        assertThat(browser.url()).as("the provider's login page").startsWith(idp.issuer(""));
        browser.driver().findElement(By.name("username")).sendKeys(subject);
        var claims = browser.driver().findElement(By.name("claims"));
        claims.clear();
        claims.sendKeys(claimsJson);
        var page = browser.driver().findElement(By.tagName("html"));
        browser.driver().findElement(By.cssSelector("input[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    @Test
    void withTheProvidersMfaThePersonLandsOnTheHomePageAndTheirAccountIsMade() throws Exception {
        Sso sso = sso();
        String email = sso.email("ada.jones");
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            signInAtProvider(browser, email, "ada", """
                    {"email":"%s","name":"Ada Jones","amr":["pwd","mfa"],"groups":["g-admins"]}""".formatted(email));

            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.text("welcome")).contains("Ada Jones");
            browser.screenshot("sso-01-home-after-idp-mfa");
            assertThat(members.findByEmail(email).orElseThrow().roles()).containsExactly(Role.ORGANISATION_ADMIN);
        }
    }

    @Test
    void withoutTheProvidersMfaThePersonEnrolsCaseshareSecondFactor() throws Exception {
        Sso sso = sso();
        String email = sso.email("bo");
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            signInAtProvider(browser, email, "bo", """
                    {"email":"%s","name":"Bo Smith","amr":["pwd"]}""".formatted(email));

            assertThat(browser.path()).isEqualTo("/mfa/enrol");
            browser.clickText("I cannot scan the QR code");
            browser.type("code", Totp.code(browser.text("manual-key"), Totp.step(Instant.now()))).click("confirm");
            assertThat(browser.path()).as("the recovery codes, shown once").isEqualTo("/account/recovery-codes/first");
            browser.click("saved-codes");
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.text("welcome")).contains("Bo Smith");
        }
    }

    @Test
    void aRoleChangedAtTheProviderIsSeenAtTheNextSignIn() throws Exception {
        Sso sso = sso();
        String email = sso.email("cy");
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            signInAtProvider(browser, email, "cy", """
                    {"email":"%s","name":"Cy Admin","amr":["mfa"],"groups":["g-admins"]}""".formatted(email));
            browser.go("/organisation/members");
            assertThat(browser.path()).isEqualTo("/organisation/members");
            assertThat(browser.page()).contains("Cy Admin");
            browser.click("sign-out");

            // The IdP admin took Cy out of the admins' group.
            signInAtProvider(browser, email, "cy", """
                    {"email":"%s","name":"Cy Admin","amr":["mfa"],"groups":[]}""".formatted(email));
            assertThat(browser.path()).isEqualTo("/");
            browser.go("/organisation/members");
            assertThat(browser.page()).doesNotContain("Cy Admin").contains("You do not have access to this page");
            assertThat(members.findByEmail(email).orElseThrow().roles()).containsExactly(Role.PRACTITIONER);
        }
    }

    @Test
    void anAddressOutsideTheOrganisationsDomainsIsTurnedAway() throws Exception {
        Sso sso = sso();
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            signInAtProvider(browser, sso.email("dee"), "dee", """
                    {"email":"dee@personal.example.net","name":"Dee","amr":["mfa"]}""");

            assertThat(browser.path()).isEqualTo("/login");
            assertThat(browser.page()).contains("There is a problem", "cannot be used to sign in to Caseshare");
            browser.screenshot("sso-02-refused");
            assertThat(members.findByEmail("dee@personal.example.net")).isEmpty();
        }
    }
}
