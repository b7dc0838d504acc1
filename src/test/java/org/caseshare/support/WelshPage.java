package org.caseshare.support;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page served in Welsh: {@code lang="cy"} on the page, its heading as expected, and none of the
 * catalogues' English left in its visible text ({@link NoEnglishLeft}).
 */
public final class WelshPage {

    private WelshPage() {
    }

    /** The page's visible text, once it has passed the checks. */
    public static String check(ResultActions result, String heading, String state) throws Exception {
        String html = result.andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.selectFirst("html").attr("lang")).as(state + ": the page's language").isEqualTo("cy");
        assertThat(page.selectFirst("h1").text()).as(state + ": the heading").contains(heading);
        NoEnglishLeft.assertNone(page.text(), state);
        return page.text();
    }
}
