package org.caseshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.caseshare.support.Accessibility;
import org.caseshare.support.Browser;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.NoEnglishLeft;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The secure hub in Welsh, in a real headless Chromium (issue #21): a partner signs in, switches to
 * Cymraeg, opens the package sent to them, is told in Welsh to confirm before acknowledging,
 * acknowledges and downloads the file (bytes compared), and finds the download among their receipts.
 * Every page is {@code lang="cy"}, has none of the catalogues' English left and passes axe-core.
 * Screenshots go to target/screenshots.
 */
class HubInWelshBrowserIntegrationTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;

    @Test
    void aPartnerReceivesAPackageInWelsh() throws Exception {
        Fixtures.HubParties parties = fixtures.hubParties();
        HubHttp.Sent sent = new HubHttp(port).sendPackage(parties.practitionerToken(),
                fixtures.hubShare(parties.practitioner(), parties.schoolEntry(), parties.partner().email()));
        Path downloads = Files.createTempDirectory("hub-welsh-downloads");

        try (Browser browser = Browser.open("http://localhost:" + port)) {
            // Step 1: the partner signs in and chooses Cymraeg on the hub's page.
            fixtures.signIn(browser, mvc, parties.partner());
            browser.go("/hub");
            assertThat(lang(browser)).isEqualTo("en");
            browser.click("language-cy");
            assertThat(browser.path()).isEqualTo("/hub");
            inWelsh(browser, "the hub");
            assertThat(body(browser)).contains("Hwb diogel", "Wedi dod i law", Fixtures.HUB_PURPOSE, "Wedi’i anfon");
            browser.screenshot("hub-cy-01-index");

            // Step 2: the package sent to them, with its conditions to acknowledge.
            browser.go(browser.driver().findElement(By.cssSelector("#received a")).getDomAttribute("href"));
            assertThat(browser.path()).isEqualTo("/hub/packages/" + sent.id());
            inWelsh(browser, "the package before acknowledging");
            assertThat(body(browser)).contains("Pecyn diogel", "Cyn i chi lawrlwytho", Fixtures.HUB_CONSENT);
            assertThat(browser.driver().findElements(By.cssSelector("form[action$='/download'] button"))).as("before acknowledging").isEmpty();
            browser.screenshots("hub-cy-02-package", 2);

            // Step 3: acknowledging without ticking the box is refused, in Welsh.
            browser.click("acknowledge");
            inWelsh(browser, "the package with an error");
            assertThat(body(browser)).contains("Mae problem wedi codi", "Cadarnhewch eich bod wedi darllen ac yn derbyn yr amodau");
            browser.screenshot("hub-cy-03-error");

            // Step 4: ticked and acknowledged, the file can be downloaded.
            HubBrowserIntegrationTests.scrollClick(browser, "confirm");
            browser.click("acknowledge");
            inWelsh(browser, "the package acknowledged");
            assertThat(body(browser)).contains("Eich derbynebau", "Wedi cydnabod");
            ((HasCdp) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            WebElement download = browser.driver().findElement(By.cssSelector("form[action$='/download'] button"));
            assertThat(download.getText()).isEqualTo("Lawrlwytho");
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", download);
            download.click();
            Path downloaded = HubBrowserIntegrationTests.waitForDownload(downloads);
            assertThat(downloaded.getFileName().toString()).isEqualTo("report.pdf");
            assertThat(Files.readAllBytes(downloaded)).isEqualTo(sent.content());

            // Step 5: the download is among their receipts, and the page still speaks Welsh.
            browser.go("/hub/packages/" + sent.id());
            inWelsh(browser, "the package after the download");
            assertThat(body(browser)).contains("Wedi lawrlwytho ffeil", "1 o 2 lawrlwythiad");
            browser.screenshots("hub-cy-04-downloaded", 2);
        } finally {
            try (Stream<Path> files = Files.list(downloads)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(downloads);
        }
    }

    /** The page says it is Welsh, has no catalogue English left and passes axe-core. */
    private static void inWelsh(Browser browser, String state) {
        assertThat(lang(browser)).as(state).isEqualTo("cy");
        NoEnglishLeft.assertNone(body(browser), state);
        Accessibility.assertNoViolations(browser, state + " in Welsh");
    }

    private static String lang(Browser browser) {
        return browser.driver().findElement(By.tagName("html")).getDomAttribute("lang");
    }

    private static String body(Browser browser) {
        return browser.driver().findElement(By.tagName("body")).getText();
    }
}
