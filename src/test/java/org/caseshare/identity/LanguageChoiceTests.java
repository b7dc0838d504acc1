package org.caseshare.identity;

import jakarta.servlet.http.Cookie;
import org.caseshare.directory.Organisation;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.NoEnglishLeft;
import org.caseshare.support.Visitor;
import org.caseshare.system.LanguageResolver;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Which language a page speaks, as people meet it: a browser that asks for Welsh gets Welsh, the
 * switcher's choice is kept in a cookie for a visitor and on the account for a person signed in (so
 * it follows them to a fresh browser), a language Caseshare does not speak is ignored, and the
 * switcher's links keep the reader on the page they were reading.
 */
abstract class LanguageChoiceTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aBrowserThatAsksForWelshGetsTheSignInPageInWelsh() throws Exception {
        Document page = page(mvc.perform(get("/login").header(HttpHeaders.ACCEPT_LANGUAGE, "cy-GB,cy;q=0.9,en;q=0.5")));

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("cy");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Mewngofnodi");
        assertThat(page.title()).isEqualTo("Mewngofnodi – Caseshare");
        assertThat(page.selectFirst("label[for=email]").text()).isEqualTo("Cyfeiriad e-bost");
        assertThat(page.getElementById("continue").text()).isEqualTo("Parhau");
        NoEnglishLeft.assertNone(page.text(), "the sign-in page for a browser that asks for Welsh");
    }

    @Test
    void aBrowserThatAsksForEnglishOrNothingGetsEnglish() throws Exception {
        for (String asked : new String[] { "en-GB,en;q=0.9", "", "fr-FR,fr;q=0.9,de;q=0.8" }) {
            Document page = page(mvc.perform(get("/login").header(HttpHeaders.ACCEPT_LANGUAGE, asked)));
            assertThat(page.selectFirst("html").attr("lang")).as(asked).isEqualTo("en");
            assertThat(page.selectFirst("h1").text()).as(asked).isEqualTo("Sign in");
        }
    }

    @Test
    void theSwitcherKeepsAVisitorsChoiceInACookieForTheirNextPage() throws Exception {
        MockHttpServletResponse switched = mvc.perform(get("/login").param("lang", "cy")).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(Jsoup.parse(switched.getContentAsString()).selectFirst("html").attr("lang")).isEqualTo("cy");
        Cookie chosen = languageCookie(switched);
        assertThat(chosen).as("the caseshare-language cookie").isNotNull();
        assertThat(chosen.getValue()).isEqualTo("cy");
        assertThat(switched.getHeaders(HttpHeaders.SET_COOKIE)).filteredOn(h -> h.startsWith(LanguageResolver.COOKIE + "="))
                .singleElement().satisfies(h -> assertThat(h).contains("Path=/", "HttpOnly", "SameSite=Lax", "Max-Age="));

        // The next page, in a request with nothing but the cookie (no session, a browser asking for English).
        Document next = page(mvc.perform(get("/password/reset").cookie(chosen).header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB")));
        assertThat(next.selectFirst("html").attr("lang")).isEqualTo("cy");
        assertThat(next.selectFirst("h1").text()).isEqualTo("Ailosod eich cyfrinair");
        NoEnglishLeft.assertNone(next.text(), "the password reset page after choosing Cymraeg");

        // And back to English with the other link.
        MockHttpServletResponse back = mvc.perform(get("/password/reset").cookie(chosen).param("lang", "en")).andReturn().getResponse();
        assertThat(Jsoup.parse(back.getContentAsString()).selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(languageCookie(back).getValue()).isEqualTo("en");
    }

    @Test
    void aLanguageCaseshareDoesNotSpeakIsIgnored() throws Exception {
        MockHttpServletResponse french = mvc.perform(get("/login").param("lang", "fr")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(Jsoup.parse(french.getContentAsString()).selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(languageCookie(french)).as("no cookie for a language not offered").isNull();

        // Nor does it undo a choice already made, or what the browser asked for.
        Document stillWelsh = page(mvc.perform(get("/login").param("lang", "fr").cookie(new Cookie(LanguageResolver.COOKIE, "cy"))));
        assertThat(stillWelsh.selectFirst("html").attr("lang")).isEqualTo("cy");
        Document asked = page(mvc.perform(get("/login").param("lang", "xx-not-a-language!").header(HttpHeaders.ACCEPT_LANGUAGE, "cy")));
        assertThat(asked.selectFirst("html").attr("lang")).isEqualTo("cy");
        // A cookie with a language Caseshare does not speak counts for nothing.
        Document odd = page(mvc.perform(get("/login").cookie(new Cookie(LanguageResolver.COOKIE, "fr"))));
        assertThat(odd.selectFirst("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void aPersonsChoiceIsKeptOnTheAccountAndFollowsThemToAFreshBrowser() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        Account person = fixtures.person(organisation, Role.PRACTITIONER);
        Visitor first = fixtures.signIn(mvc, person);
        assertThat(page(first.get("/account")).selectFirst("html").attr("lang")).isEqualTo("en");

        Document welsh = page(first.get("/account?lang=cy"));
        assertThat(welsh.selectFirst("html").attr("lang")).isEqualTo("cy");
        assertThat(welsh.selectFirst("h1").text()).isEqualTo("Eich cyfrif");
        NoEnglishLeft.assertNone(welsh.text(), "the account page after choosing Cymraeg");
        assertThat(keptLanguage(person)).isEqualTo("cy");
        first.post("/logout").andExpect(redirectedUrl("/login?signedout"));

        // Another browser: no session, no cookie, a browser that asks for English. The account remembers.
        Visitor fresh = fixtures.signIn(mvc, person);
        Document home = page(fresh.perform(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9")));
        assertThat(home.selectFirst("html").attr("lang")).isEqualTo("cy");
        assertThat(home.getElementById("sign-out").text()).isEqualTo("Allgofnodi");
        Document account = page(fresh.get("/account"));
        assertThat(account.selectFirst("h1").text()).isEqualTo("Eich cyfrif");
        NoEnglishLeft.assertNone(account.text(), "the account page in a fresh session");

        // ?lang=en switches back, on the account too.
        Document english = page(fresh.get("/account?lang=en"));
        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(english.selectFirst("h1").text()).isEqualTo("Your account");
        assertThat(keptLanguage(person)).isEqualTo("en");
        Visitor third = fixtures.signIn(mvc, person);
        assertThat(page(third.get("/account")).selectFirst("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void aLanguageChosenBeforeSigningInIsKeptOnAnAccountThatHadNone() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        fixtures.signIn(mvc, person).post("/logout").andExpect(redirectedUrl("/login?signedout"));
        assertThat(keptLanguage(person)).as("nothing chosen yet").isNull();

        // Cymraeg chosen on the sign-in page (the cookie), then the password and the code.
        Visitor browser = new Visitor(mvc);
        Cookie chosen = languageCookie(browser.get("/login?lang=cy").andExpect(status().isOk()).andReturn().getResponse());
        signInWith(browser, person, chosen);
        assertThat(keptLanguage(person)).isEqualTo("cy");
        assertThat(page(browser.perform(get("/").cookie(chosen))).selectFirst("html").attr("lang")).isEqualTo("cy");

        // Another device: no cookie, a browser that asks for English. The account remembers.
        Visitor fresh = fixtures.signIn(mvc, person);
        Document home = page(fresh.perform(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9")));
        assertThat(home.selectFirst("html").attr("lang")).isEqualTo("cy");
        assertThat(home.getElementById("sign-out").text()).isEqualTo("Allgofnodi");
    }

    @Test
    void anAccountThatKeepsALanguageKeepsItWhateverWasChosenBeforeSigningIn() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        Visitor first = fixtures.signIn(mvc, person);
        page(first.get("/account?lang=en"));
        first.post("/logout");
        assertThat(keptLanguage(person)).isEqualTo("en");

        Visitor browser = new Visitor(mvc);
        Cookie chosen = languageCookie(browser.get("/login?lang=cy").andReturn().getResponse());
        signInWith(browser, person, chosen);

        assertThat(keptLanguage(person)).as("the account's own choice wins").isEqualTo("en");
        assertThat(page(browser.perform(get("/account").cookie(chosen))).selectFirst("html").attr("lang"))
                .as("the session follows the account").isEqualTo("en");
    }

    @Test
    void whatTheBrowserAsksForIsNotAChoiceToKeep() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        fixtures.signIn(mvc, person).post("/logout");

        Visitor browser = new Visitor(mvc);
        browser.perform(post("/login").with(csrf()).header(HttpHeaders.ACCEPT_LANGUAGE, "cy").param("email", person.email())
                .param("password", Fixtures.PASSWORD)).andExpect(redirectedUrl("/mfa"));
        browser.perform(post("/mfa").with(csrf()).header(HttpHeaders.ACCEPT_LANGUAGE, "cy").param("code", fixtures.nextCode(person.email())))
                .andExpect(redirectedUrl("/"));

        assertThat(page(browser.perform(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, "cy"))).selectFirst("html").attr("lang")).isEqualTo("cy");
        assertThat(keptLanguage(person)).as("Accept-Language alone is not kept").isNull();
    }

    /** The password and the code (the second factor already enrolled), each request carrying the language cookie. */
    private void signInWith(Visitor browser, Account person, Cookie language) throws Exception {
        browser.perform(post("/login").with(csrf()).cookie(language).param("email", person.email()).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/mfa"));
        browser.perform(post("/mfa").with(csrf()).cookie(language).param("code", fixtures.nextCode(person.email())))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void theSwitcherLinksKeepThePageAndItsQuery() throws Exception {
        Document english = page(mvc.perform(get("/login?signedout")));
        assertThat(english.getElementById("language-cy").attr("href")).isEqualTo("/login?signedout&lang=cy");
        assertThat(english.getElementById("language-en")).as("the current language is not a link").isNull();

        Document welsh = page(mvc.perform(get("/login?signedout&lang=cy")));
        assertThat(welsh.selectFirst("html").attr("lang")).isEqualTo("cy");
        assertThat(welsh.getElementById("language-en").attr("href")).isEqualTo("/login?signedout&lang=en");
        assertThat(welsh.getElementById("language-en").attr("hreflang")).isEqualTo("en");
        assertThat(welsh.getElementById("language-cy")).isNull();
        assertThat(welsh.text()).contains("Rydych wedi allgofnodi.");

        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        Visitor browser = fixtures.signIn(mvc, person);
        Document account = page(browser.get("/account?tab=tokens"));
        assertThat(account.getElementById("language-cy").attr("href")).isEqualTo("/account?tab=tokens&lang=cy");
    }

    @Test
    void thePageThatSaysWaitSpeaksTheVisitorsLanguageToo() throws Exception {
        Account person = fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER);
        for (int attempt = 0; attempt < 5; attempt++) {
            new Visitor(mvc).post("/login", "email", person.email(), "password", "guess number " + attempt)
                    .andExpect(redirectedUrl("/login?error"));
        }
        MockHttpServletResponse refused = new Visitor(mvc).perform(post("/login").with(csrf()).param("email", person.email())
                .param("password", Fixtures.PASSWORD).cookie(new Cookie(LanguageResolver.COOKIE, "cy")))
                .andExpect(status().isTooManyRequests()).andReturn().getResponse();
        Document page = Jsoup.parse(refused.getContentAsString());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("cy");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Gormod o ymdrechion");
        assertThat(page.text()).contains("Er eich diogelwch, arhoswch", "Yn ôl i fewngofnodi");
        NoEnglishLeft.assertNone(page.text(), "the page that says wait");
    }

    private String keptLanguage(Account person) {
        return jdbc.sql("select language from account where id = ?").param(person.id()).query(String.class).list().get(0);
    }

    private static Document page(ResultActions result) throws Exception {
        MockHttpServletResponse response = result.andExpect(status().isOk()).andReturn().getResponse();
        return Jsoup.parse(response.getContentAsString());
    }

    private static Cookie languageCookie(MockHttpServletResponse response) {
        return response.getCookie(LanguageResolver.COOKIE);
    }
}
