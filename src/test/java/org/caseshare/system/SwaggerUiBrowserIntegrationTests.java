package org.caseshare.system;

import java.time.Duration;

import org.caseshare.directory.Organisation;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.support.Browser;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** Swagger UI in real Chromium under the service's content security policy: it loads, reads the document and lists the API. */
class SwaggerUiBrowserIntegrationTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;

    @Test
    void swaggerUiShowsTheApiToASignedInPerson() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Account person = fixtures.person(council, Role.PRACTITIONER);
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            fixtures.signIn(browser, mvc, person);
            browser.go("/swagger-ui/index.html");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-summary-path")));
            browser.screenshot("swagger-ui");
            String page = browser.page();
            assertThat(page).contains("Caseshare API").contains("/api/v1/sharing-records").contains("Authorize");
            // The stylesheet applied (an external file under style-src 'self'): the operation blocks have their borders.
            Object border = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "return getComputedStyle(document.querySelector('.opblock')).borderTopStyle");
            assertThat(border).isEqualTo("solid");
        }
    }
}
