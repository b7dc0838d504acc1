package org.caseshare.retention;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.caseshare.directory.Directory;
import org.caseshare.retention.RetentionScenes.Council;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.support.Accessibility;
import org.caseshare.support.Browser;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data protection officer's retention page in a real headless Chromium, as a DPO uses it: the
 * due list, an empty hold refused with a GOV.UK error, one record deleted and its certificate
 * offered. axe-core (WCAG 2.2 AA) finds no violation in any of those states.
 */
class RetentionBrowserIntegrationTests extends IntegrationTest {

    private static final Duration PAST_RETENTION = Duration.ofDays(6 * 366 + 2);

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
    @Autowired
    Retention retention;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Value("${caseshare.data-dir}")
    String dataDir;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void aDpoReviewsTheDueListHoldsAndDeletesWithNoAccessibilityViolation() throws Exception {
        RetentionScenes scenes = new RetentionScenes(fixtures, directory, register, dataSource, jdbc, dataDir);
        Council c = scenes.council();
        UUID share = scenes.closedShare(c, RetentionScenes.person(), Fixtures.unique("C"), "Attendance summary");
        UUID declined = scenes.declined(c, RetentionScenes.person(), Fixtures.unique("C"), "Attendance summary");
        clock.advance(PAST_RETENTION);
        assertThat(retention.listDue(c.organisation().id())).isEqualTo(2);

        try (Browser browser = Browser.open("http://localhost:" + port)) {
            fixtures.signIn(browser, mvc, c.dpo());
            browser.click("nav-retention");
            assertThat(browser.path()).isEqualTo("/retention");
            assertThat(browser.page()).contains("2 records due", share.toString(), declined.toString());
            Accessibility.assertNoViolations(browser, "the due list");

            browser.type("recordId", share.toString()).click("set-hold");
            assertThat(browser.page()).contains("There is a problem", "Enter why the record is on hold.");
            Accessibility.assertNoViolations(browser, "a hold without a reason");

            browser.go("/retention").click("select-" + declined).click("approve-selected");
            assertThat(browser.text("deleted-banner")).contains("Download the deletion certificate");
            assertThat(scenes.exists(c, declined)).isFalse();
            assertThat(scenes.exists(c, share)).as("only the selected record goes").isTrue();
            Accessibility.assertNoViolations(browser, "the certificate banner");
        }
    }
}
