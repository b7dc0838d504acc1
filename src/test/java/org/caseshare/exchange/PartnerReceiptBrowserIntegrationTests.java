package org.caseshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.support.Browser;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.system.Actor;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * In a real headless Chromium, a partner acknowledges a package, finds "Your receipts" on it, opens
 * the receipt and sees what it proves, with the link to save it as JSON and to the public keys.
 * (Verification of the JSON itself is in {@link PartnerReceiptsTests}.) Screenshots go to target/screenshots.
 */
class PartnerReceiptBrowserIntegrationTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;
    @Autowired
    MockMvc mvc;

    @Test
    void aPartnerAcknowledgesAndOpensTheReceipt() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Organisation school = fixtures.organisation("School");
        Account practitioner = fixtures.person(council, Role.PRACTITIONER);
        Account partner = fixtures.person(school, Role.PARTNER);
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        DirectoryEntry schoolEntry = directory.addEntry(new Actor(admin.id(), council.id(), admin.displayName(),
                Set.of(Actor.ORGANISATION_ADMIN)), school.name(), OrganisationKind.SCHOOL);
        HubHttp.Sent sent = new HubHttp(port).sendPackage(fixtures.token(practitioner),
                fixtures.hubShare(practitioner, schoolEntry, partner.email()));

        try (Browser browser = Browser.open("http://localhost:" + port)) {
            // Step 1: the partner signs in, reads the package's conditions and acknowledges them.
            fixtures.signIn(browser, mvc, partner);
            browser.go("/hub/packages/" + sent.id());
            WebElement confirm = browser.driver().findElement(By.id("confirm"));
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", confirm);
            confirm.click();
            browser.click("acknowledge");

            // Step 2: the package lists the acknowledgement as a receipt.
            WebElement link = browser.driver().findElement(By.cssSelector("#receipts a[data-action='hub.package.acknowledged']"));
            assertThat(link.getText()).startsWith("Acknowledged, ");
            browser.screenshot("receipt-01-package");
            link.click();

            // Step 3: the receipt page, ready or, for a moment, pending with a way to fetch it again.
            for (int attempt = 0; attempt < 20 && browser.driver().findElements(By.id("fetch-again")).size() > 0; attempt++) {
                browser.click("fetch-again");
            }
            assertThat(browser.path()).startsWith("/audit-receipts/");
            assertThat(browser.text("receipt-action")).isEqualTo("hub.package.acknowledged");
            assertThat(browser.text("receipt-checkpoint")).contains("\u2014 ");
            assertThat(browser.driver().findElement(By.id("download-receipt")).getText()).isEqualTo("Download receipt (JSON)");
            assertThat(browser.driver().findElement(By.id("download-receipt")).getDomAttribute("href")).endsWith("/receipt.json");
            assertThat(browser.page()).contains("/.well-known/caseshare-audit-keys").doesNotContain(partner.email());
            browser.screenshots("receipt-02-page", 2);
        }
    }
}
