package org.caseshare.identity;

import java.util.UUID;

import org.caseshare.audit.AuditEntry;
import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.Organisation;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The organisation admin's single sign-on settings, on the page and in the API, and the sign-in
 * page's email-first step that sends single sign-on domains to their provider.
 */
abstract class SsoSettingsTests extends IntegrationTest {

    static final String SECRET = "the-client-secret-never-shown";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SsoProviders providers;
    @Autowired
    AuditTrail audit;

    static String domain(String name) {
        return Fixtures.unique(name).toLowerCase().replaceAll("[^a-z0-9-]", "") + ".example.org";
    }

    @Test
    void theMembersPageLeadsAdminsToTheSingleSignOnSettingsBesideScim() throws Exception {
        Visitor admin = fixtures.signIn(mvc, fixtures.person(fixtures.organisation("Council"), Role.ORGANISATION_ADMIN));
        admin.get("/organisation/members").andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/organisation/sso\" id=\"organisation-sso\">Single sign-on")))
                .andExpect(content().string(containsString("id=\"organisation-scim\"")));
    }

    @Test
    void anAdminConfiguresSingleSignOnOnThePageAndTheSecretIsNeverShownAgain() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Visitor admin = fixtures.signIn(mvc, fixtures.person(council, Role.ORGANISATION_ADMIN));
        String domain = domain("council");
        admin.get("/organisation/sso").andExpect(status().isOk())
                .andExpect(content().string(containsString("/login/oauth2/code/" + council.id())));

        admin.post("/organisation/sso", "issuer", "https://login.microsoftonline.com/tenant-1/v2.0", "clientId", "app-1",
                "clientSecret", SECRET, "domains", domain, "roleClaim", "groups", "roleMappings", "g-1 = manager",
                "defaultRole", "PRACTITIONER", "mfaAcrValues", "").andExpect(redirectedUrl("/organisation/sso"));

        admin.get("/organisation/sso").andExpect(status().isOk()).andExpect(content().string(containsString(domain)))
                .andExpect(content().string(containsString("g-1 = MANAGER"))).andExpect(content().string(not(containsString(SECRET))));
        String sealed = providers.sealedSecret(council.id()).orElseThrow();
        assertThat(sealed).doesNotContain(SECRET).startsWith("v1:");

        // A change with the secret left blank keeps the one stored.
        admin.post("/organisation/sso", "issuer", "https://login.microsoftonline.com/tenant-1/v2.0", "clientId", "app-2",
                "clientSecret", "", "domains", domain, "roleClaim", "roles", "roleMappings", "", "defaultRole", "PARTNER",
                "mfaAcrValues", "").andExpect(redirectedUrl("/organisation/sso"));
        assertThat(providers.sealedSecret(council.id())).hasValue(sealed);
        assertThat(providers.find(council.id()).orElseThrow().clientId()).isEqualTo("app-2");
        AuditEntry changed = audit.latestWithAction("sso.configured", 50).stream().filter(e -> council.id().equals(e.organisationId()))
                .findFirst().orElseThrow();
        assertThat(changed.details()).contains("clientId").contains("roleClaim").doesNotContain("clientSecret").doesNotContain(SECRET);
    }

    @Test
    void badSettingsGetAnErrorPerFieldAndNothingIsSaved() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Visitor admin = fixtures.signIn(mvc, fixtures.person(council, Role.ORGANISATION_ADMIN));

        admin.post("/organisation/sso", "issuer", "http://idp.example.org", "clientId", "", "clientSecret", SECRET, "domains", "not a domain!",
                "roleClaim", "groups", "roleMappings", "g-1 = wizard", "defaultRole", "PRACTITIONER", "mfaAcrValues", "")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("Enter the issuer as an https address")))
                .andExpect(content().string(containsString("Enter the client ID")))
                .andExpect(content().string(containsString("is not an email domain")))
                .andExpect(content().string(containsString("Unknown role")))
                .andExpect(content().string(not(containsString(SECRET))));
        assertThat(providers.find(council.id())).isEmpty();
    }

    @Test
    void aDomainCanBelongToOneOrganisationOnly() throws Exception {
        Organisation a = fixtures.organisation("Council A");
        Organisation b = fixtures.organisation("Council B");
        String shared = domain("shared");
        Visitor adminA = fixtures.signIn(mvc, fixtures.person(a, Role.ORGANISATION_ADMIN));
        Visitor adminB = fixtures.signIn(mvc, fixtures.person(b, Role.ORGANISATION_ADMIN));
        adminA.post("/organisation/sso", "issuer", "https://idp-a.example.org", "clientId", "a", "clientSecret", SECRET, "domains", shared,
                "roleClaim", "groups", "roleMappings", "", "defaultRole", "PRACTITIONER", "mfaAcrValues", "")
                .andExpect(redirectedUrl("/organisation/sso"));

        adminB.post("/organisation/sso", "issuer", "https://idp-b.example.org", "clientId", "b", "clientSecret", SECRET,
                "domains", domain("own") + "\n" + shared.toUpperCase(), "roleClaim", "groups", "roleMappings", "", "defaultRole", "PRACTITIONER",
                "mfaAcrValues", "")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The domain " + shared + " is already claimed by another organisation")));

        assertThat(providers.find(b.id())).isEmpty();
        assertThat(providers.domainOwner(shared)).hasValue(a.id());
    }

    @Test
    void theApiReadsAndSetsSingleSignOnWithoutEverReturningTheSecret() throws Exception {
        Organisation council = fixtures.organisation("Council");
        Account adminAccount = fixtures.person(council, Role.ORGANISATION_ADMIN);
        String token = fixtures.token(adminAccount);
        String domain = domain("api");
        mvc.perform(get("/api/v1/organisations/" + council.id() + "/sso").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.configured").value(false))
                .andExpect(jsonPath("$.redirectUri").value(containsString("/login/oauth2/code/" + council.id())));

        String body = """
                {"issuer":"https://accounts.google.com","clientId":"google-app","clientSecret":"%s","domains":["%s"],
                 "roleClaim":"groups","roleMappings":{"staff-admins":"organisation-admin"},"defaultRole":"practitioner",
                 "mfaAcrValues":[],"requireOwnSecondFactor":true}""".formatted(SECRET, domain);
        mvc.perform(put("/api/v1/organisations/" + council.id() + "/sso").header("Authorization", "Bearer " + token)
                        .contentType("application/json").content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.configured").value(true))
                .andExpect(jsonPath("$.clientSecretSet").value(true))
                .andExpect(jsonPath("$.clientSecret").doesNotExist())
                .andExpect(jsonPath("$.roleMappings.staff-admins").value("ORGANISATION_ADMIN"))
                .andExpect(jsonPath("$.requireOwnSecondFactor").value(true))
                .andExpect(content().string(not(containsString(SECRET))));

        Organisation other = fixtures.organisation("Other");
        String otherToken = fixtures.token(fixtures.person(other, Role.ORGANISATION_ADMIN));
        mvc.perform(put("/api/v1/organisations/" + other.id() + "/sso").header("Authorization", "Bearer " + otherToken)
                        .contentType("application/json").content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(content().string(containsString("already claimed by another organisation")));
    }

    @Test
    void theSignInPageAsksForTheEmailFirstAndSendsSingleSignOnDomainsToTheirProvider() throws Exception {
        Organisation council = fixtures.organisation("Council");
        String domain = domain("realm");
        Visitor admin = fixtures.signIn(mvc, fixtures.person(council, Role.ORGANISATION_ADMIN));
        admin.post("/organisation/sso", "issuer", "https://idp.example.org", "clientId", "a", "clientSecret", SECRET, "domains", domain,
                "roleClaim", "groups", "roleMappings", "", "defaultRole", "PRACTITIONER", "mfaAcrValues", "")
                .andExpect(redirectedUrl("/organisation/sso"));
        Visitor browser = new Visitor(mvc);

        browser.get("/login").andExpect(content().string(containsString("action=\"/login/realm\"")))
                .andExpect(content().string(not(containsString("current-password"))));
        browser.post("/login/realm", "email", "Someone@" + domain.toUpperCase()).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/oauth2/authorization/" + council.id() + "\"")))
                .andExpect(content().string(not(containsString("current-password"))));
        browser.post("/login/realm", "email", "").andExpect(status().isOk()).andExpect(content().string(containsString("Enter your email address")));
    }

    @Test
    void unknownAndKnownLocalAddressesGetTheSamePasswordStep() throws Exception {
        Account local = fixtures.person(fixtures.organisation("Partner"), Role.PARTNER);
        String unknown = "nobody-" + local.email();

        String known = new Visitor(mvc).post("/login/realm", "email", local.email()).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String notKnown = new Visitor(mvc).post("/login/realm", "email", unknown).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(known).contains("current-password");
        assertThat(withoutVarying(known, local.email())).isEqualTo(withoutVarying(notKnown, unknown));
        // The password form still posts to /login as before.
        new Visitor(mvc).post("/login", "email", local.email(), "password", Fixtures.PASSWORD).andExpect(redirectedUrl("/mfa/enrol"));
    }

    /** The page less what differs by design: the address typed and the CSRF token. */
    private static String withoutVarying(String page, String email) {
        return page.replace(email, "EMAIL").replaceAll("(csrf-token\" content=|name=\"_csrf\" value=|nonce=)\"[^\"]*\"", "$1\"\"");
    }
}
