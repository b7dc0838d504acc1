package org.caseshare.audit;

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

/** The audit trail in Welsh: the entries with their filters (and a filter put wrong), and verifying the trail. */
class AuditInWelshIntegrationTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AuditTrail audit;

    @Test
    void theAuditPagesSpeakWelsh() throws Exception {
        Organisation council = fixtures.organisation("Cyngor");
        audit.record(AuditEvent.success("test.welsh.share", "actor-cy", council.id(), "record:cy-1"));
        Visitor dpo = fixtures.signIn(mvc, fixtures.person(council, Role.DATA_PROTECTION_OFFICER));

        String page = WelshPage.check(dpo.get("/audit?lang=cy").andExpect(status().isOk()), "Trywydd archwilio", "the entries");
        assertThat(page).contains("record:cy-1", "Defnyddio’r hidlwyr", "Profi’r trywydd i rywun arall");
        String wrong = WelshPage.check(dpo.get("/audit?from=31-2-2026"), "Trywydd archwilio", "a filter put wrong");
        assertThat(wrong).contains("Mae problem wedi codi", "Rhaid i’r dyddiad o fod yn ddyddiad go iawn, fel 2025-03-31");
        WelshPage.check(dpo.get("/audit/verify"), "Gwirio’r trywydd archwilio", "the verify page");
        String verified = WelshPage.check(dpo.post("/audit/verify"), "Gwirio’r trywydd archwilio", "the trail verified");
        assertThat(verified).contains("Cofnodion a wiriwyd");
    }
}
