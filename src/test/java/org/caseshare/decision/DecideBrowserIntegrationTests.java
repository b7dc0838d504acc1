package org.caseshare.decision;

import java.nio.file.Files;
import java.nio.file.Path;

import org.caseshare.directory.Organisation;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.policy.PolicyLoader;
import org.caseshare.support.Browser;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A practitioner asks "How should I share this?" in a real headless Chromium: signs in, opens the
 * page from the menu, gets the form wrong, then describes a sensitive case for a school and reads
 * the checklist. Screenshots go to target/screenshots for a person to look at.
 */
class DecideBrowserIntegrationTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;

    @Test
    void aPractitionerFindsOutHowToShareASensitiveCaseWithASchool() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Account practitioner = fixtures.person(council, Role.PRACTITIONER);
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            signIn(browser, practitioner);

            browser.click("nav-decide");
            assertThat(browser.path()).isEqualTo("/decide");
            browser.screenshot("decide-01-form");

            browser.click("decide");
            assertThat(browser.page()).contains("There is a problem", "Select the protective marking",
                    "Select how urgent the sharing is", "Select what kind of information is being shared");
            browser.screenshot("decide-02-errors");

            browser.select("marking", "OFFICIAL_SENSITIVE:PERSONAL").click("urgency").click("categories-SPECIAL_CATEGORY")
                    .select("recipient", "SCHOOL").click("records").click("decide");
            assertThat(browser.text("channel-EMAIL")).contains("Allowed with conditions", "email.encrypted-attachment",
                    "email.password-separately");
            assertThat(browser.text("situation")).contains("OFFICIAL-SENSITIVE [PERSONAL]", "School or setting");
            assertThat(browser.text("advice")).contains("consult your manager or information security officer");
            assertThat(browser.text("print")).isEqualTo("Print this page");
            screenshots(browser, "decide-03-checklist", 4);

            browser.select("marking", "SECRET").click("decide");
            assertThat(browser.text("out-of-scope")).contains("Contact your information security officer");
            screenshots(browser, "decide-04-secret", 2);

            browser.click("nav-policy");
            assertThat(browser.page()).contains("Sharing policy", "Version in force");
            browser.screenshot("decide-05-policy");
        }
    }

    /** The data protection officer uploads a file through the real server (multipart with its CSRF field). */
    @Test
    void aDataProtectionOfficerUploadsABadPolicyThenAGoodOne() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Account dpo = fixtures.person(council, Role.DATA_PROTECTION_OFFICER);
        String good = PolicyVersions.withVersion(PolicyLoader.defaultPolicy().text(), 2).orElseThrow();
        Path bad = Files.createTempFile("policy-bad", ".yaml");
        Path fine = Files.createTempFile("policy-good", ".yaml");
        Files.writeString(bad, good.replace("channels: [telephone, fax]", "channels: [telephone, pigeon]"));
        Files.writeString(fine, good);
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            signIn(browser, dpo);
            browser.go("/policy").click("edit-policy");
            assertThat(browser.path()).isEqualTo("/policy/edit");
            browser.type("file", bad.toAbsolutePath().toString()).click("upload");
            assertThat(browser.text("error-summary")).contains("The policy was not changed", "Version 1 is still in force",
                    "unknown channel 'pigeon'");
            browser.screenshot("policy-01-errors");
            browser.type("file", fine.toAbsolutePath().toString()).click("upload");
            assertThat(browser.text("notice")).contains("Version 2 of the policy is now in force");
            assertThat(browser.text("version-number")).isEqualTo("2");
            browser.screenshot("policy-02-version-2");
        } finally {
            Files.deleteIfExists(bad);
            Files.deleteIfExists(fine);
        }
    }

    private static void signIn(Browser browser, Account account) {
        browser.signInFirstTime(account.email(), Fixtures.PASSWORD);
    }

    private static void screenshots(Browser browser, String name, int screens) throws Exception {
        browser.screenshots(name, screens);
    }
}
