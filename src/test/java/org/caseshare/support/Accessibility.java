package org.caseshare.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/** axe-core's WCAG 2.2 AA rules run on the page a browser shows now. */
public final class Accessibility {

    private Accessibility() {
    }

    /** Fails with the rules broken, naming the page's state; also fails if axe ran no rule at all. */
    public static void assertNoViolations(Browser browser, String state) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")).analyze(browser.driver());
        assertThat(results.getViolations()).as("axe-core violations on %s: %s", state, results.getViolations().stream().map(Rule::getId).toList())
                .isEmpty();
        assertThat(results.getPasses()).as("axe-core ran its rules").isNotEmpty();
    }
}
