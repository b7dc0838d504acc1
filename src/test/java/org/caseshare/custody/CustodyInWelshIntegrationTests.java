package org.caseshare.custody;

import java.time.LocalDate;
import java.util.UUID;

import org.caseshare.directory.Organisation;
import org.caseshare.identity.Account;
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

/** The custody register's pages in Welsh: the register, taking paper off site (with its errors), an item, the devices. */
class CustodyInWelshIntegrationTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestClock clock;

    @Test
    void theCustodyPagesSpeakWelsh() throws Exception {
        Organisation council = fixtures.organisation("Cyngor");
        Account practitioner = fixtures.person(council, Role.PRACTITIONER);
        Visitor welsh = fixtures.signIn(mvc, practitioner);

        WelshPage.check(welsh.get("/custody?lang=cy").andExpect(status().isOk()), "Cofrestr gwarchodaeth", "the register");
        WelshPage.check(welsh.get("/custody/new?kind=PAPER"), "Mynd â gwybodaeth oddi ar y safle", "taking paper off site");
        String errors = WelshPage.check(welsh.post("/custody/new", "kind", "PAPER", "description", "", "reason", "", "dueDate", "",
                "dueTime", "17:00").andExpect(status().isOk()), "Mynd â gwybodaeth oddi ar y safle", "the form's errors");
        assertThat(errors).contains("Mae problem wedi codi", "Rhowch beth rydych chi’n mynd ag ef",
                "Cadarnhewch fod y papur mewn ffeil neu amlen wedi’i selio");

        LocalDate tomorrow = UkTime.today(clock.instant()).plusDays(1);
        String url = welsh.post("/custody/new", "kind", "PAPER", "description", "Ffeil achos C-1", "reason", "Ymweliad cartref",
                "dueDate", tomorrow.getDayOfMonth() + "/" + tomorrow.getMonthValue() + "/" + tomorrow.getYear(), "dueTime", "17:00",
                "safeguards", "hand.sealed-envelope").andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(url.substring("/custody/".length()));
        String item = WelshPage.check(welsh.get("/custody/" + id), "Eitem dan warchodaeth", "an item off site");
        assertThat(item).contains("Oddi ar y safle", "Papur, â llaw", "Cofnodi ei bod wedi’i dychwelyd");
        WelshPage.check(welsh.get("/custody/overdue"), "Eitemau dan warchodaeth sy’n hwyr", "overdue items");

        Visitor admin = fixtures.signIn(mvc, fixtures.person(council, Role.ORGANISATION_ADMIN));
        WelshPage.check(admin.get("/custody/devices?lang=cy"), "Dyfeisiau symudadwy cymeradwy", "the devices");
        String device = admin.post("/custody/devices", "type", "USB_STICK", "assetTag", Fixtures.unique("IT"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = WelshPage.check(admin.get(device), "Amgryptio heb ei wirio", "a device not yet verified");
        assertThat(page).contains("Cof bach USB", "Gwirio’r amgryptio");
    }
}
