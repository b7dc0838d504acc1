package org.caseshare.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.NamedContact;
import org.caseshare.directory.Organisation;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.directory.Switchboard;
import org.caseshare.directory.TelephoneNumber;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.Visitor;
import org.caseshare.system.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Record a share" asks only what this share needs (issue #20): the way it is shared, the direction
 * and the urgency decide which fields are asked for, on the page and in its validation.
 */
abstract class SharingFormTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Directory directory;
    @Autowired
    SharingRegister register;

    record Council(Organisation organisation, Account practitioner, DirectoryEntry police, String officer) {
    }

    Council council() {
        Organisation council = fixtures.organisation("Council");
        Account admin = fixtures.person(council, Role.ORGANISATION_ADMIN);
        Actor caller = new Actor(admin.id(), council.id(), admin.displayName(), Set.of(Actor.ORGANISATION_ADMIN));
        DirectoryEntry police = directory.addEntry(caller, "Thames Valley Police", OrganisationKind.POLICE,
                List.of(new Switchboard(TelephoneNumber.parse("0118 496 0999"), null)));
        directory.markVerified(caller, police.id(), police.switchboards().get(0).id());
        var officer = directory.addContactPoint(caller, police.id(), new NamedContact("Pat Officer", "Police constable", "Child protection", null, null));
        return new Council(council, fixtures.person(council, Role.PRACTITIONER), police, police.id() + ":" + officer.id());
    }

    String errorsFor(Visitor visitor, String... fields) throws Exception {
        String page = visitor.post("/sharing/new", fields).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("There is a problem");
        return page.substring(page.indexOf("govuk-error-summary"), page.indexOf("</ul>", page.indexOf("govuk-error-summary")));
    }

    @Test
    void anEmergencyWithItsMarkingMissingIsAskedForTheMarkingAloneNotForWhatCanWait() throws Exception {
        Council c = council();
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());
        String summary = errorsFor(practitioner, "formToken", UUID.randomUUID().toString(), "direction", "WE_SHARE",
                "subjectName", "Jo Emergency", "subjectReference", "C-911", "information", "Address and current risk",
                "categories", "CHILD_SAFEGUARDING", "urgency", "EMERGENCY", "purpose", "Child at immediate risk",
                "decision", "SHARE", "channel", "TELEPHONE", "recipientEntry", c.police().id().toString(), "recipientName", "Duty officer");
        assertThat(summary).contains("#marking")
                .doesNotContain("#necessity", "#lawfulBasis", "#consentSought", "#decisionReasons", "#personInformed",
                        "#recipientJobTitle", "#recipientDepartment");
    }

    @Test
    void aShareByPostIsAskedForTheAddressAndNotForAnEmailOrTelephone() throws Exception {
        Council c = council();
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());
        String summary = errorsFor(practitioner, "formToken", UUID.randomUUID().toString(), "direction", "WE_SHARE",
                "subjectName", "Alex Example", "subjectReference", "C-1", "urgency", "ROUTINE", "channel", "POST",
                "recipientOrganisation", "Brookside Academy", "recipientName", "Sam Lee");
        assertThat(summary).contains("#recipientAddress").doesNotContain("#recipientEmail", "#recipientTelephone", "#numberGiven");

        summary = errorsFor(practitioner, "formToken", UUID.randomUUID().toString(), "direction", "REQUEST_RECEIVED",
                "subjectName", "Alex Example", "subjectReference", "C-1", "urgency", "ROUTINE", "channel", "TELEPHONE",
                "recipientOrganisation", "Brookside Academy", "recipientName", "Sam Lee");
        assertThat(summary).contains("#numberGiven", "#recipientTelephone").doesNotContain("#recipientEmail", "#recipientAddress");
    }

    @Test
    void theFormSaysWhenEachPartApplies() throws Exception {
        Council c = council();
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());
        String page = practitioner.get("/sharing/new").andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-show-channel=\"POST\"", "Only for post: their postal address", "Only for email or the secure hub: their email address",
                "data-hide-urgency=\"EMERGENCY\"", "/js/share-form.js")
                .doesNotContain("id=\"emergency-later\"");
        // the call first: how it came, then who, then about whom
        assertThat(page.indexOf("id=\"channel\"")).isLessThan(page.indexOf("id=\"recipientEntry\""));
        assertThat(page.indexOf("id=\"recipientEntry\"")).isLessThan(page.indexOf("id=\"subjectName\""));
    }

    @Test
    void useThisContactFillsTheRecipientFromTheDirectoryWithoutJavaScriptAndSavesNothing() throws Exception {
        Council c = council();
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());
        String page = practitioner.post("/sharing/new", "formToken", UUID.randomUUID().toString(), "direction", "REQUEST_RECEIVED",
                "channel", "TELEPHONE", "urgency", "ROUTINE", "subjectName", "Alex Example", "recipientEntry", c.officer(), "action", "pick")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("There is a problem")
                .contains("value=\"Thames Valley Police\"", "value=\"Pat Officer\"", "value=\"Police constable\"",
                        "value=\"Child protection\"", "value=\"0118 496 0999\"", "value=\"Alex Example\"")
                .containsPattern("id=\"recipientType-POLICE\" name=\"recipientType\" type=\"radio\" value=\"POLICE\" checked=\"checked\"");
        String register = practitioner.get("/sharing").andReturn().getResponse().getContentAsString();
        assertThat(register).contains("id=\"count\">0 record");
    }

    @Test
    void theHomePageOpensTheFormInEmergencyModeWithWhatCanWaitLeftOut() throws Exception {
        Council c = council();
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());
        assertThat(practitioner.get("/").andReturn().getResponse().getContentAsString())
                .contains("href=\"/sharing/new?emergency=true\" id=\"home-record-emergency\"");
        String page = practitioner.get("/sharing/new?emergency=true").andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Record an emergency share", "id=\"emergency-later\"", "<option value=\"EMERGENCY\" selected=\"selected\"")
                .containsPattern("data-hide-urgency=\"EMERGENCY\" hidden=\"hidden\"|hidden=\"hidden\" data-hide-urgency=\"EMERGENCY\"");
    }

    @Test
    void aTelephoneRequestIsCalledBackCheckedAndRecordedAsSharedFromTheFormItself() throws Exception {
        Council c = council();
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());
        assertThat(practitioner.get("/").andReturn().getResponse().getContentAsString())
                .contains("href=\"/sharing/new?call=true\" id=\"home-record-call\"");
        String page = practitioner.get("/sharing/new?call=true").andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"on-the-call\"", "Confirm and record as shared")
                .containsPattern("id=\"direction-REQUEST_RECEIVED\" name=\"direction\" type=\"radio\" value=\"REQUEST_RECEIVED\" checked=\"checked\"");
        List<String> ticks = Pattern.compile("name=\"safeguard\" type=\"checkbox\" value=\"([^\"]+)\"").matcher(page).results()
                .map(m -> m.group(1)).toList();
        assertThat(ticks).as("one tick a group, the call's first").hasSize(3).first().asString().startsWith("called-back telephone.");

        // one group left unticked: told so, and nothing is saved half-done
        List<String> fields = new ArrayList<>(List.of("formToken", UUID.randomUUID().toString(), "direction", "REQUEST_RECEIVED",
                "channel", "TELEPHONE", "urgency", "ROUTINE", "subjectName", "Alex Example", "subjectDateOfBirth", "27/3/2015",
                "information", "Attendance and welfare concerns", "categories", "PERSONAL", "marking", "OFFICIAL",
                "recipientEntry", c.officer(), "numberFromDirectory", "yes", "purpose", "Police welfare check",
                "necessity", "They cannot check without it", "lawfulBasis", "PUBLIC_TASK", "consentSought", "no:WOULD_CAUSE_DELAY",
                "decision", "SHARE", "decisionReasons", "Proportionate to the concern", "personInformed", "YES", "action", "share"));
        for (String tick : ticks.subList(0, 2)) {
            fields.addAll(List.of("safeguard", tick));
        }
        assertThat(errorsFor(practitioner, fields.toArray(String[]::new))).contains("#safeguard");
        assertThat(practitioner.get("/sharing").andReturn().getResponse().getContentAsString()).contains("id=\"count\">0 record");
        // the one-step share is the telephone's: by the secure hub the form sends the person to its checklist
        List<String> byHub = new ArrayList<>(fields);
        byHub.set(byHub.indexOf("TELEPHONE"), "SECURE_HUB");
        assertThat(errorsFor(practitioner, byHub.toArray(String[]::new))).contains("#safeguard", "Only a telephone share");

        fields.addAll(List.of("safeguard", ticks.get(2)));
        String shared = practitioner.post("/sharing/new", fields.toArray(String[]::new)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        SharingRecord record = register.get(c.organisation().id(), UUID.fromString(shared.substring("/sharing/".length())));
        assertThat(record.status()).isEqualTo(Status.SHARED);
        assertThat(record.content().numberGiven()).as("the directory's number, ticked not typed").isEqualTo("0118 496 0999");
        assertThat(record.callBack()).hasValueSatisfying(back -> {
            assertThat(back.number()).isEqualTo("0118 496 0999");
            assertThat(back.verified()).isTrue();
        });
        assertThat(record.confirmations()).containsOnlyKeys(record.policy().requiredSafeguards());
        assertThat(record.confirmations().values()).allSatisfy(stamp -> assertThat(stamp.accountId()).isEqualTo(c.practitioner().id()));
    }

    @Test
    void theDirectorysNumberNeedsAnOrganisationPickedFromTheDirectory() throws Exception {
        Council c = council();
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());
        String page = practitioner.post("/sharing/new", "formToken", UUID.randomUUID().toString(), "direction", "REQUEST_RECEIVED",
                "channel", "TELEPHONE", "urgency", "ROUTINE", "subjectName", "Alex Example", "subjectReference", "C-1",
                "recipientOrganisation", "Brookside Academy", "recipientName", "Sam Lee", "numberFromDirectory", "yes")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(OnTheCall.NO_DIRECTORY_NUMBER)
                .containsPattern("id=\"numberFromDirectory\" name=\"numberFromDirectory\" type=\"checkbox\" value=\"yes\" checked=\"checked\"");
    }

    @Test
    void theAnswersOfHowShouldIShareThisCarryIntoTheFormWithOneButtonAndTheFormSaysSo() throws Exception {
        Council c = council();
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());
        String answer = practitioner.post("/decide", "marking", "OFFICIAL_SENSITIVE:PERSONAL", "urgency", "URGENT",
                "categories", "CHILD_SAFEGUARDING", "recipient", "POLICE", "records", "single").andReturn().getResponse().getContentAsString();
        // the telephone's button: a GET form of hidden fields, kinds of things only, so no token and no personal data
        int button = answer.indexOf("id=\"record-TELEPHONE\"");
        assertThat(button).as("a button under the telephone's answer").isPositive();
        String form = answer.substring(answer.lastIndexOf("<form method=\"get\" action=\"/sharing/new\"", button), button);
        List<String> query = Pattern.compile("name=\"(\\w+)\" value=\"([^\"]*)\"").matcher(form).results()
                .map(m -> m.group(1) + "=" + m.group(2)).toList();
        assertThat(query).containsExactlyInAnyOrder("decided=true", "marking=OFFICIAL_SENSITIVE:PERSONAL", "urgency=URGENT",
                "categories=CHILD_SAFEGUARDING", "recipientType=POLICE", "channel=TELEPHONE");

        String page = practitioner.get("/sharing/new?" + String.join("&", query)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"from-decision\"", "Filled from “How should I share this?”",
                        "<option value=\"OFFICIAL_SENSITIVE:PERSONAL\" selected=\"selected\"", "<option value=\"URGENT\" selected=\"selected\"")
                .containsPattern("id=\"categories-CHILD_SAFEGUARDING\" name=\"categories\" type=\"checkbox\" value=\"CHILD_SAFEGUARDING\" checked=\"checked\"")
                .containsPattern("id=\"recipientType-POLICE\" name=\"recipientType\" type=\"radio\" value=\"POLICE\" checked=\"checked\"")
                .containsPattern("id=\"channel\" name=\"channel\" type=\"radio\" value=\"TELEPHONE\" checked=\"checked\"")
                .doesNotContainPattern("value=\"PERSONAL\" checked")
                // the lawful basis was not asked there, so it is still the person's to choose
                .doesNotContainPattern("name=\"lawfulBasis\" type=\"radio\" value=\"[A-Z_]+\" checked");

        // an answer not on the policy's lists is dropped for the person to choose, never guessed
        String tampered = practitioner.get("/sharing/new?decided=true&marking=PURPLE&channel=FAX&urgency=SOON").andReturn().getResponse()
                .getContentAsString();
        assertThat(tampered).contains("id=\"from-decision\"", "<option value=\"ROUTINE\" selected=\"selected\"")
                .containsPattern("id=\"channel-FAX\" name=\"channel\" type=\"radio\" value=\"FAX\" checked=\"checked\"")
;
        String markings = tampered.substring(tampered.indexOf("id=\"marking\" name=\"marking\""));
        assertThat(markings.substring(0, markings.indexOf("</select>"))).as("no marking chosen for them").doesNotContain("selected");
        assertThat(practitioner.get("/sharing/new?decided=true&marking=PURPLE").andReturn().getResponse().getContentAsString())
                .as("nothing usable: a plain form").doesNotContain("id=\"from-decision\"");
    }

    @Test
    void aPersonOnTheRegisterIsOfferedByReferenceOrNameAndDateOfBirthAndFilledOnlyWhenChosen() throws Exception {
        Council c = council();
        Visitor practitioner = fixtures.signIn(mvc, c.practitioner());
        String earlier = recordAbout(practitioner, c, "Alex Example", "27/3/2015", "C-77", "943 476 5919");

        String found = practitioner.post("/sharing/new", newForm("subjectReference", " c-77 ", "action", "find-person"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(found).doesNotContain("There is a problem", "id=\"register-no-match\"")
                .contains("id=\"register-offer-0-0\"", earlier, "Alex Example", "27 March 2015", "C-77", "943 476 5919")
                .as("offered, not filled").containsPattern("id=\"subjectName\" name=\"subjectName\" type=\"text\" value=\"\"");
        String choice = Pattern.compile("name=\"usePerson\" value=\"([^\"]+)\"").matcher(found).results().findFirst().orElseThrow().group(1);

        String filled = practitioner.post("/sharing/new", newForm("subjectReference", " c-77 ", "usePerson", choice))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(filled).contains("id=\"person-filled\"", "filled from your register (<span>" + earlier + "</span>)")
                .containsPattern("id=\"subjectName\" name=\"subjectName\" type=\"text\" value=\"Alex Example\"")
                .contains("value=\"27/3/2015\"", "value=\"C-77\"", "value=\"943 476 5919\"")
                .as("the row holds them now: nothing more to offer").doesNotContain("id=\"register-offer-0-0\"");

        // by name and date of birth, however the name is written; a name alone is not enough
        assertThat(practitioner.post("/sharing/new", newForm("subjectName", "ALEX  EXAMPLE", "subjectDateOfBirth", "27/3/2015",
                "action", "find-person")).andReturn().getResponse().getContentAsString()).contains("id=\"register-offer-0-0\"");
        assertThat(practitioner.post("/sharing/new", newForm("subjectName", "Alex Example", "action", "find-person"))
                .andReturn().getResponse().getContentAsString()).contains("id=\"register-no-match\"").doesNotContain("register-offer-");
        assertThat(practitioner.get("/sharing").andReturn().getResponse().getContentAsString()).as("looking saves nothing")
                .contains("id=\"count\">1 record");
    }

    @Test
    void anotherOrganisationsPeopleAreNeitherOfferedNorFilled() throws Exception {
        Council ours = council();
        Council theirs = council();
        Visitor other = fixtures.signIn(mvc, theirs.practitioner());
        recordAbout(other, theirs, "Alex Example", "27/3/2015", "C-77", "943 476 5919");
        String theirPage = other.post("/sharing/new", newForm("subjectReference", "C-77", "action", "find-person")).andReturn().getResponse()
                .getContentAsString();
        String theirChoice = Pattern.compile("name=\"usePerson\" value=\"([^\"]+)\"").matcher(theirPage).results().findFirst()
                .orElseThrow().group(1);

        Visitor practitioner = fixtures.signIn(mvc, ours.practitioner());
        assertThat(practitioner.post("/sharing/new", newForm("subjectReference", "C-77", "action", "find-person")).andReturn().getResponse()
                .getContentAsString()).contains("id=\"register-no-match\"").doesNotContain("Alex Example", "943 476 5919");
        // their person named outright, as a forged button would: not filled
        String forged = practitioner.post("/sharing/new", newForm("subjectReference", "C-77", "usePerson", theirChoice))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(forged).doesNotContain("id=\"person-filled\"", "Alex Example", "943 476 5919");
    }

    /** A new telephone share's form as posted, with these fields added. */
    private static String[] newForm(String... fields) {
        List<String> all = new ArrayList<>(List.of("formToken", UUID.randomUUID().toString(), "direction", "WE_SHARE", "channel",
                "TELEPHONE", "urgency", "ROUTINE"));
        all.addAll(List.of(fields));
        return all.toArray(String[]::new);
    }

    /** A share about one person recorded through the form; its reference. */
    private String recordAbout(Visitor practitioner, Council c, String name, String born, String reference, String nhsNumber) throws Exception {
        String saved = practitioner.post("/sharing/new", newForm("subjectName", name, "subjectDateOfBirth", born, "subjectReference",
                        reference, "subjectNhsNumber", nhsNumber, "information", "Attendance and welfare concerns", "categories", "PERSONAL",
                        "marking", "OFFICIAL", "recipientEntry", c.officer(), "purpose", "Police welfare check", "necessity",
                        "They cannot check without it", "lawfulBasis", "PUBLIC_TASK", "consentSought", "no:WOULD_CAUSE_DELAY", "decision",
                        "SHARE", "decisionReasons", "Proportionate to the concern", "personInformed", "YES", "action", "save"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(saved.substring("/sharing/".length()).replace("/checklist", ""));
        return register.get(c.organisation().id(), id).reference();
    }
}
