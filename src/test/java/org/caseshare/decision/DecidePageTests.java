package org.caseshare.decision;

import java.nio.charset.StandardCharsets;

import org.caseshare.directory.Organisation;
import org.caseshare.identity.Role;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.NoEnglishLeft;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** "How should I share this?" through the page, as a practitioner in a council would use it. */
abstract class DecidePageTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    private Visitor practitioner;

    @BeforeEach
    void signIn() throws Exception {
        Organisation council = fixtures.organisation("Council");
        practitioner = fixtures.signIn(mvc, fixtures.person(council, Role.PRACTITIONER));
    }

    @Test
    void theFormOffersEveryChoiceAndIsReachableFromHomeAndTheMenu() throws Exception {
        String home = page(practitioner.get("/").andExpect(status().isOk()));
        assertThat(home).contains("href=\"/decide\"").contains("How should I share this?").contains("href=\"/policy\"");
        String form = page(practitioner.get("/decide").andExpect(status().isOk()));
        assertThat(form).contains("<h1 class=\"govuk-heading-l\">How should I share this?</h1>")
                .contains("value=\"OFFICIAL_SENSITIVE:PERSONAL\"").contains("OFFICIAL-SENSITIVE [LOCSEN]")
                .contains("value=\"RESTRICTED\"").contains("value=\"EMERGENCY\"").contains("value=\"SPECIAL_CATEGORY\"")
                .contains("value=\"SCHOOL\"").contains("value=\"bulk\"").contains("Nothing you choose here is recorded")
                .doesNotContain("<script>").doesNotContain("style=\"");
    }

    @Test
    void sensitiveSpecialCategoryToASchoolGoesByEmailOnlyEncryptedWithThePasswordSeparately() throws Exception {
        String result = decide("OFFICIAL_SENSITIVE", "ROUTINE", "SPECIAL_CATEGORY", "SCHOOL", "single");
        String email = section(result, "EMAIL");
        assertThat(email).contains("Allowed with conditions").contains("email.encrypted-attachment")
                .contains("email.password-separately").contains("Must")
                .contains("Unencrypted email is not a safe or secure method of transporting personal information.")
                .contains("email-council-schools-not-secure");
        assertThat(section(result, "REMOVABLE_DEVICE")).contains("Who must authorise:").contains("Manager");
        assertThat(result).contains("How to share this").contains("Channels you can use")
                .contains("If you are unsure how to share information securely, consult your manager or information security officer.")
                .contains("data-module=\"print-link\"").contains("Print this page").contains("id=\"policy-version\"")
                .doesNotContain("id=\"review-classification\"").doesNotContain("id=\"emergency\"");
    }

    @Test
    void secretIsRefusedEverywhereAndRoutedToTheInformationSecurityOfficer() throws Exception {
        String result = decide("SECRET", "URGENT", "PERSONAL", "COUNCIL", "single");
        assertThat(result).contains("id=\"out-of-scope\"").contains("Do not share <span>SECRET</span> material through Caseshare")
                .contains("No channel may be used").contains("Channels you cannot use").doesNotContain("Channels you can use");
        for (String channel : new String[] {"TELEPHONE", "BY_HAND", "POST", "EMAIL", "SECURE_HUB", "REMOVABLE_DEVICE", "FAX"}) {
            assertThat(section(result, channel)).contains("Refused").contains("Refer the case to:")
                    .contains("Information security officer").contains("secret-and-above-refused");
        }
    }

    @Test
    void anOldMarkingIsFlaggedForReviewAndAnEmergencyGoesFirstWithAMinimalRecord() throws Exception {
        String restricted = decide("RESTRICTED", "EMERGENCY", "CHILD_SAFEGUARDING", "POLICE", "single");
        assertThat(restricted).contains("id=\"review-classification\"").contains("Review the classification.")
                .contains("Handled as").contains("marking.review-classification")
                .contains("id=\"emergency\"").contains("24 hours");
        assertThat(section(restricted, "TELEPHONE")).contains("In this emergency you may share first");
    }

    @Test
    void missingAnswersAreListedInAnErrorSummaryAndNothingIsDecided() throws Exception {
        String result = page(practitioner.post("/decide").andExpect(status().isOk()));
        assertThat(result).contains("There is a problem").contains("<a href=\"#marking\">Select the protective marking</a>")
                .contains("<a href=\"#urgency\">Select how urgent the sharing is</a>")
                .contains("<a href=\"#categories\">Select what kind of information is being shared</a>")
                .contains("<a href=\"#recipient\">Select the type of organisation receiving the information</a>")
                .contains("href=\"#records\"").contains("govuk-form-group--error").doesNotContain("Channels you can use");

        String tampered = page(practitioner.post("/decide", "marking", "PURPLE", "urgency", "ROUTINE", "categories", "PERSONAL",
                "recipient", "SCHOOL", "records", "single"));
        assertThat(tampered).contains("There is a problem").contains("Select a protective marking from the list")
                .contains("selected=\"selected\">School").doesNotContain("Channels you can use");
    }

    @Test
    void eachChannelYouCanUseHasAButtonToRecordTheShareWithTheseAnswersButNotForAPartnerUser() throws Exception {
        String result = decide("OFFICIAL_SENSITIVE", "ROUTINE", "SPECIAL_CATEGORY", "SCHOOL", "single");
        assertThat(section(result, "EMAIL")).contains("id=\"record-EMAIL\"", "action=\"/sharing/new\"", "method=\"get\"",
                "name=\"channel\" value=\"EMAIL\"", "name=\"marking\" value=\"OFFICIAL_SENSITIVE\"", "Record a share this way");
        assertThat(decide("SECRET", "URGENT", "PERSONAL", "COUNCIL", "single")).as("a refused channel offers no button")
                .doesNotContain("id=\"record-");

        Organisation school = fixtures.organisation("School");
        Visitor partner = fixtures.signIn(mvc, fixtures.person(school, Role.PARTNER));
        String theirs = page(partner.post("/decide", "marking", "OFFICIAL_SENSITIVE", "urgency", "ROUTINE", "categories", "SPECIAL_CATEGORY",
                "recipient", "SCHOOL", "records", "single"));
        assertThat(theirs).as("the register is the organisation's staff's").contains("Channels you can use").doesNotContain("id=\"record-");
    }

    @Test
    void inWelshTheFormTheAnswerAndTheErrorsAreWelshWhileTheGuideIsQuotedInEnglish() throws Exception {
        String form = page(practitioner.get("/decide?lang=cy").andExpect(status().isOk()));
        assertThat(form).contains("lang=\"cy\"").contains("<h1 class=\"govuk-heading-l\">Sut dylwn i rannu hyn?</h1>")
                .contains("Dosbarthiadau Diogelwch y Llywodraeth").contains("Ysgol neu leoliad").contains("Argyfwng");
        NoEnglishLeft.assertNone(text(form), "the form");

        String result = decide("OFFICIAL_SENSITIVE", "EMERGENCY", "SPECIAL_CATEGORY", "SCHOOL", "single");
        assertThat(section(result, "EMAIL")).contains("Caniateir ag amodau").contains("email.encrypted-attachment")
                .contains("Rhowch yr wybodaeth bersonol mewn dogfen atodedig")
                .contains("Nid yw e-bost heb ei amgryptio yn ddiogel ar gyfer gwybodaeth bersonol sensitif")
                .contains("Unencrypted email is not a safe or secure method of transporting personal information.")
                .contains("Ar gyfer ffeiliau rhwng y cyngor ac ysgolion, defnyddiwch yr hwb diogel yn hytrach.");
        assertThat(section(result, "TELEPHONE")).contains("Yn yr argyfwng hwn, cewch rannu yn gyntaf").contains("24 awr");
        assertThat(result).contains("Sut i rannu hyn").contains("Sianeli y gallwch eu defnyddio").contains("Ysgol neu leoliad");
        NoEnglishLeft.assertNone(text(result), "the answer");

        String errors = page(practitioner.post("/decide").andExpect(status().isOk()));
        assertThat(errors).contains("Mae problem wedi codi").contains("<a href=\"#marking\">Dewiswch y marc diogelu</a>")
                .contains("Dewiswch pa mor frys yw’r rhannu");
        NoEnglishLeft.assertNone(text(errors), "the errors");
    }

    /** The page's text without the guide's passages, which are quoted in English on every page by design. */
    private static String text(String html) {
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
        page.select(".caseshare-passage").remove();
        return page.text();
    }

    private String decide(String marking, String urgency, String category, String recipient, String records) throws Exception {
        return page(practitioner.post("/decide", "marking", marking, "urgency", urgency, "categories", category,
                "recipient", recipient, "records", records).andExpect(status().isOk()));
    }

    /** The part of the page about one channel. */
    private static String section(String page, String channel) {
        int start = page.indexOf("id=\"channel-" + channel + "\"");
        assertThat(start).as("channel %s is on the page", channel).isPositive();
        int end = page.indexOf("</section>", start);
        return page.substring(start, end);
    }

    private static String page(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
