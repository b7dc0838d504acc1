package org.caseshare.oversight;

import org.caseshare.directory.Organisation;
import org.caseshare.identity.Role;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.Visitor;
import org.caseshare.support.WelshPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The oversight page in Welsh: the period form, the figures, and a period put wrong. */
class OversightInWelshIntegrationTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void theOversightPageSpeaksWelsh() throws Exception {
        Organisation council = fixtures.organisation("Cyngor");
        Visitor dpo = fixtures.signIn(mvc, fixtures.person(council, Role.DATA_PROTECTION_OFFICER));

        String page = WelshPage.check(dpo.get("/oversight?lang=cy").andExpect(status().isOk()), "Goruchwylio", "the figures");
        assertThat(page).contains("Dangos y ffigurau", "Lawrlwytho’r ffigurau fel CSV", "Cofnodion a wnaed bob mis");
        String wrong = WelshPage.check(dpo.get("/oversight?fromDay=31&fromMonth=2&fromYear=2026"), "Goruchwylio", "a period put wrong");
        assertThat(wrong).contains("Mae problem wedi codi", "Rhaid i ddechrau’r cyfnod fod yn ddyddiad go iawn");
    }
}
