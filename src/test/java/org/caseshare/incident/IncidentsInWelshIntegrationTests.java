package org.caseshare.incident;

import java.util.UUID;

import org.caseshare.directory.Organisation;
import org.caseshare.identity.Role;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.TestClock;
import org.caseshare.support.Visitor;
import org.caseshare.support.WelshPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Losses and incidents in Welsh: the list, the report form with its errors, and the officer's decision form. */
class IncidentsInWelshIntegrationTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestClock clock;

    @Test
    void theIncidentPagesSpeakWelsh() throws Exception {
        Organisation council = fixtures.organisation("Cyngor");
        Visitor practitioner = fixtures.signIn(mvc, fixtures.person(council, Role.PRACTITIONER));

        WelshPage.check(practitioner.get("/incidents?lang=cy").andExpect(status().isOk()), "Colledion a digwyddiadau", "the list");
        WelshPage.check(practitioner.get("/incidents/new"), "Rhoi gwybod am golled neu golled a amheuir", "the report form");
        String errors = WelshPage.check(practitioner.post("/incidents/new", "whatHappened", "", "discoveredDate", "", "discoveredTime", "",
                "peopleAffected", "", "recordsAffected", "", "consequences", "", "actionsTaken", "").andExpect(status().isOk()),
                "Rhoi gwybod am golled neu golled a amheuir", "the report's errors");
        assertThat(errors).contains("Mae problem wedi codi", "Rhowch beth ddigwyddodd", "Rhowch faint o bobl yr effeithir arnynt");

        String url = practitioner.post("/incidents/new", IncidentJourneyTests.report(clock)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(url.substring("/incidents/".length()));
        String reported = WelshPage.check(practitioner.get("/incidents/" + id), "Digwyddiad", "an incident awaiting the decision");
        assertThat(reported).contains("Yn aros am benderfyniad", "3 pherson, 1 cofnod", "ar ôl i benderfynu a ddylid rhoi gwybod i’r ICO");

        Visitor dpo = fixtures.signIn(mvc, fixtures.person(council, Role.DATA_PROTECTION_OFFICER));
        String decision = WelshPage.check(dpo.get("/incidents/" + id + "?lang=cy"), "Digwyddiad", "the officer's decision form");
        assertThat(decision).contains("Cofnodi eich penderfyniad", "A roddir gwybod i Swyddfa’r Comisiynydd Gwybodaeth?");
        WelshPage.check(dpo.post("/incidents/" + id + "/decision", "notifyIco", "", "icoReasons", "", "notifyPeople", "",
                "peopleReasons", "").andExpect(status().isOk()), "Digwyddiad", "the decision's errors");
    }
}
