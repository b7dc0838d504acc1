package org.caseshare.retention;

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

/** The retention page in Welsh, with the errors of a hold and an erasure asked for without saying of what. */
class RetentionInWelshIntegrationTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void theRetentionPageSpeaksWelsh() throws Exception {
        Organisation council = fixtures.organisation("Cyngor");
        Visitor dpo = fixtures.signIn(mvc, fixtures.person(council, Role.DATA_PROTECTION_OFFICER));

        String page = WelshPage.check(dpo.get("/retention?lang=cy").andExpect(status().isOk()), "Cadw a dileu", "the page");
        assertThat(page).contains("Does dim i’w ddileu.", "Cadw cyfreithiol ar unigolyn", "Tystysgrifau dileu");
        String hold = WelshPage.check(dpo.post("/retention/hold", "recordId", "", "reason", ""), "Cadw a dileu", "a hold's errors");
        assertThat(hold).contains("Mae problem wedi codi", "Rhowch rif adnabod y cofnod, fel y mae’r gofrestr yn ei ddangos");
        String erasure = WelshPage.check(dpo.post("/retention/erasure", "reference", "", "name", ""), "Cadw a dileu", "an erasure's errors");
        assertThat(erasure).contains("Rhowch gyfeirnod achos yr unigolyn neu ei enw llawn");
    }
}
