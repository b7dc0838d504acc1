package org.caseshare.oversight;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.directory.Switchboard;
import org.caseshare.directory.TelephoneNumber;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.sharing.ShareForm;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.support.Browser;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.system.Actor;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oversight page in a real headless Chromium: axe-core finds no accessibility violations, the
 * charts are SVG images with a title and a description, and with JavaScript switched off the period
 * can still be chosen and a figure followed to the register.
 */
class OversightBrowserIntegrationTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;
    @Autowired
    SharingRegister register;

    Account councilWithAShare() {
        Organisation council = fixtures.organisation("Council");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        Actor caller = new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN));
        DirectoryEntry health = directory.addEntry(caller, "Wessex Health Trust", OrganisationKind.HEALTH,
                List.of(new Switchboard(TelephoneNumber.parse("0118 974 6000"), null)));
        Account practitioner = fixtures.person(council, Role.PRACTITIONER);
        var created = register.record(new ShareForm(UUID.randomUUID().toString(), "", "WE_SHARE", List.of("Alex Example"), List.of("27/3/2015"),
                List.of("C-1001"), "School attendance summary", List.of("PERSONAL"), "OFFICIAL", "ROUTINE", "Health visitor assessment",
                "The assessment needs it", "PUBLIC_TASK", "", "", "", "no", "WOULD_CAUSE_DELAY", "", "", "", "", "", "NONE", "", "SHARE",
                "Proportionate and necessary", "TELEPHONE", health.id().toString(), "", "", "Sam Nurse", "Health visitor", "Community health",
                "", "", "", "", "YES", "", "", ""),
                new Actor(practitioner.id(), council.id(), practitioner.displayName(), Role.names(practitioner.roles())));
        assertThat(created.errors()).isEmpty();
        return fixtures.person(council, Role.DATA_PROTECTION_OFFICER);
    }

    @Test
    void axeFindsNothingAndTheChartsAreImagesWithATitleAndADescription() throws Exception {
        Account dpo = councilWithAShare();
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            fixtures.signIn(browser, mvc, dpo);
            browser.click("nav-oversight");
            assertThat(browser.path()).isEqualTo("/oversight");
            List<WebElement> charts = browser.driver().findElements(By.cssSelector("svg[role='img']"));
            assertThat(charts).hasSize(4);
            for (WebElement chart : charts) {
                assertThat(chart.findElements(By.tagName("title"))).hasSize(1);
                assertThat(chart.findElements(By.tagName("desc"))).hasSize(1);
            }
            WebElement bar = browser.driver().findElement(By.cssSelector("#chart-channel rect[fill='rgb(29,112,184)']"));
            assertThat(bar.getCssValue("fill")).as("the content security policy lets the bar keep its colour").isEqualTo("rgb(29, 112, 184)");
            Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")).analyze(browser.driver());
            assertThat(results.getViolations()).as("axe-core violations: %s", results.getViolations().stream().map(Rule::getId).toList()).isEmpty();
            assertThat(results.getPasses()).as("axe-core ran its rules").isNotEmpty();
            browser.screenshots("oversight", 4);
        }
    }

    @Test
    void withJavaScriptOffThePeriodIsChosenAndAFigureOpensTheRegister() throws Exception {
        Account dpo = councilWithAShare();
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            fixtures.signIn(browser, mvc, dpo);
            ((HasCdp) browser.driver()).executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
            browser.go("/oversight");
            assertThat(browser.driver().findElement(By.tagName("body")).getDomAttribute("class")).as("no script ran")
                    .doesNotContain("js-enabled");
            browser.type("from", "1").type("from-month", "1").type("from-year", "2000").type("to", "31").type("to-month", "1")
                    .type("to-year", "2000").click("show");
            assertThat(browser.text("period-shown")).contains("1 January 2000 to 31 January 2000");
            assertThat(browser.page()).contains("None in either period.");
            browser.go("/oversight");
            browser.driver().findElement(By.cssSelector("#table-channel a")).click();
            assertThat(browser.path()).isEqualTo("/sharing");
            assertThat(browser.text("count")).isEqualTo("1 record");
        }
    }
}
