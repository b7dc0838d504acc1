package org.caseshare.sharing;

import java.util.List;
import java.util.Set;
import java.util.UUID;

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
                .containsPattern("<option value=\"POLICE\" selected=\"selected\"");
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
}
