package org.caseshare.identity;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.RSAKey;
import org.caseshare.audit.AuditEntry;
import org.caseshare.audit.AuditTrail;
import org.caseshare.directory.Organisation;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.OidcProvider;
import org.caseshare.support.TestClock;
import org.caseshare.support.Totp;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Single sign-on through an organisation's own OpenID Connect provider, a real one on 127.0.0.1:
 * first sign-in creates the member, roles follow the groups, the provider's MFA counts or not, and
 * every kind of bad response is refused with a clear page and an audit entry.
 */
abstract class SsoSignInTests extends IntegrationTest {

    static OidcProvider idp;

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SsoSettings settings;
    @Autowired
    Members members;
    @Autowired
    AuditTrail audit;
    @Autowired
    TestClock clock;

    @BeforeAll
    static void startProvider() {
        idp = OidcProvider.start();
    }

    @AfterAll
    static void stopProvider() {
        idp.close();
    }

    /** An organisation whose own provider (one issuer of the test provider) signs in people at its domain. */
    record Sso(Organisation organisation, String issuerId, String clientId, String domain) {
        String email(String name) {
            return name + "@" + domain;
        }
    }

    Sso sso(String name, String mappings, String acr, boolean ownSecondFactor) {
        Organisation organisation = fixtures.organisation(name);
        String issuerId = Fixtures.unique("idp").toLowerCase();
        String domain = Fixtures.unique(name).toLowerCase().replaceAll("[^a-z0-9-]", "") + ".example.org";
        String clientId = "caseshare-" + organisation.id();
        settings.configure(organisation.id(), new SsoSettingsForm(idp.issuer(issuerId), clientId, "client secret " + issuerId, domain,
                "groups", mappings, "practitioner", acr, ownSecondFactor), UUID.randomUUID());
        return new Sso(organisation, issuerId, clientId, domain);
    }

    Sso sso(String name) {
        return sso(name, "g-managers = manager\ng-admins = organisation-admin", "", false);
    }

    /** The whole round trip as a browser makes it: to the provider, and back to the callback. */
    String signIn(Visitor browser, Sso sso, String subject, Map<String, Object> claims) throws Exception {
        idp.nextSignIn(sso.issuerId(), subject, claims);
        String authorization = browser.get("/oauth2/authorization/" + sso.organisation().id()).andReturn().getResponse().getRedirectedUrl();
        String callback = idp.authorize(authorization);
        String next = callback(browser, callback).andReturn().getResponse().getRedirectedUrl();
        if ("/login?sso-failed".equals(next)) {
            // Says why in the test report (a good response should never fail).
            throw new AssertionError("Sign-in failed: " + audit.latest(sso.organisation().id(), 1).get(0).details());
        }
        return next;
    }

    /** Starts a sign-in and gives the application this ID token from the token endpoint. */
    String signInWith(Visitor browser, Sso sso, java.util.function.Function<Map<String, String>, String> idToken) throws Exception {
        String authorization = browser.get("/oauth2/authorization/" + sso.organisation().id()).andReturn().getResponse().getRedirectedUrl();
        Map<String, String> request = OidcProvider.query(authorization);
        idp.nextTokenResponse(idToken.apply(request));
        return browser.perform(get("/login/oauth2/code/" + sso.organisation().id()).param("code", "made-up-code")
                .param("state", request.get("state"))).andReturn().getResponse().getRedirectedUrl();
    }

    /** The provider's redirect back, exactly as it encoded it (the state may end in an encoded '='). */
    static ResultActions callback(Visitor browser, String pathAndQuery) throws Exception {
        return browser.perform(get(URI.create(pathAndQuery)));
    }

    @Test
    void whatAPersonDoesAfterSingleSignOnIsAuditedAsBySso() throws Exception {
        Sso sso = sso("Council");
        Visitor browser = new Visitor(mvc);
        signIn(browser, sso, "sub-admin", Map.of("email", sso.email("ada.admin"), "name", "Ada Admin",
                "groups", List.of("g-admins"), "amr", List.of("pwd", "mfa")));

        browser.post("/organisation/members/invitations", "email", sso.email("invitee"), "role", "MANAGER")
                .andExpect(redirectedUrl("/organisation/members"));

        assertThat(audit.latest(sso.organisation().id(), 10)).filteredOn(e -> e.action().equals("invitation.created")).singleElement()
                .satisfies(e -> assertThat(e.details()).contains("\"via\":\"sso\""));
    }

    @Test
    void singleSignOnFollowedByCaseshareSecondFactorIsStillBySso() throws Exception {
        Sso sso = sso("Council");
        Visitor browser = new Visitor(mvc);
        String next = signIn(browser, sso, "sub-bo", Map.of("email", sso.email("bo.smith"), "name", "Bo Smith", "amr", List.of("pwd")));
        assertThat(next).isEqualTo("/mfa/enrol");
        String seed = Fixtures.manualKey(browser.get("/mfa/enrol").andReturn().getResponse().getContentAsString());
        browser.post("/mfa/enrol", "code", Totp.code(seed, Totp.step(clock.instant()))).andExpect(redirectedUrl("/account/recovery-codes/first"));

        assertThat(audit.latest(sso.organisation().id(), 10)).filteredOn(e -> e.action().equals("login.success")).singleElement()
                .satisfies(e -> assertThat(e.details()).contains("\"factor\":\"totp\"").contains("\"via\":\"sso\""));
    }

    @Test
    void theAuthorizationRequestUsesPkceStateAndNonce() throws Exception {
        Sso sso = sso("Council");
        String authorization = new Visitor(mvc).get("/oauth2/authorization/" + sso.organisation().id()).andReturn().getResponse().getRedirectedUrl();
        assertThat(authorization).startsWith(idp.issuer(sso.issuerId()));
        Map<String, String> query = OidcProvider.query(authorization);
        assertThat(query).containsKeys("state", "nonce", "code_challenge").containsEntry("code_challenge_method", "S256")
                .containsEntry("response_type", "code").containsEntry("client_id", sso.clientId());
        assertThat(query.get("redirect_uri")).endsWith("/login/oauth2/code/" + sso.organisation().id());
    }

    @Test
    void firstSignInWithProviderMfaCreatesTheMemberWithMappedRolesAndOpensThePages() throws Exception {
        Sso sso = sso("Council");
        Visitor browser = new Visitor(mvc);
        String next = signIn(browser, sso, "sub-ada", Map.of("email", sso.email("ada.jones"), "name", "Ada Jones",
                "groups", List.of("g-managers", "g-unmapped"), "amr", List.of("pwd", "mfa")));

        assertThat(next).isEqualTo("/");
        browser.get("/").andExpect(status().isOk()).andExpect(content().string(containsString("Ada Jones")));
        Account ada = members.findByEmail(sso.email("ada.jones")).orElseThrow();
        assertThat(ada.organisationId()).isEqualTo(sso.organisation().id());
        assertThat(ada.roles()).containsExactly(Role.MANAGER);
        List<AuditEntry> entries = audit.latest(sso.organisation().id(), 10);
        assertThat(entries).extracting(AuditEntry::action).contains("account.created", "login.sso", "login.success");
        assertThat(entries).filteredOn(e -> e.action().equals("account.created")).first()
                .satisfies(e -> assertThat(e.actorId()).isEqualTo("idp:" + sso.organisation().id()))
                .satisfies(e -> assertThat(e.details()).contains("sso"));
    }

    @Test
    void withoutProviderMfaThePersonIsAskedForCaseshareSecondFactor() throws Exception {
        Sso sso = sso("Council");
        Visitor browser = new Visitor(mvc);
        String next = signIn(browser, sso, "sub-bo", Map.of("email", sso.email("bo"), "amr", List.of("pwd")));

        assertThat(next).isEqualTo("/mfa/enrol");
        browser.get("/").andExpect(redirectedUrl("/mfa"));
        browser.get("/mfa/enrol").andExpect(status().isOk());
    }

    @Test
    void anAcrTheOrganisationNamesCountsAsMfa() throws Exception {
        Sso sso = sso("Council", "", "urn:council:loa:mfa", false);
        assertThat(signIn(new Visitor(mvc), sso, "sub-acr", Map.of("email", sso.email("acr"), "acr", "urn:council:loa:mfa"))).isEqualTo("/");
        assertThat(signIn(new Visitor(mvc), sso, "sub-acr2", Map.of("email", sso.email("acr2"), "acr", "urn:council:loa:low"))).isEqualTo("/mfa/enrol");
    }

    @Test
    void anOrganisationCanRequireItsOwnSecondFactorDespiteProviderMfa() throws Exception {
        Sso sso = sso("Council", "", "", true);
        String next = signIn(new Visitor(mvc), sso, "sub-own", Map.of("email", sso.email("own"), "amr", List.of("mfa")));
        assertThat(next).isEqualTo("/mfa/enrol");
    }

    @Test
    void rolesAreAppliedAgainAtEverySignIn() throws Exception {
        Sso sso = sso("Council");
        signIn(new Visitor(mvc), sso, "sub-cy", Map.of("email", sso.email("cy"), "groups", List.of("g-admins"), "amr", List.of("mfa")));
        Visitor before = new Visitor(mvc);
        signIn(before, sso, "sub-cy", Map.of("email", sso.email("cy"), "groups", List.of("g-admins"), "amr", List.of("mfa")));
        before.get("/organisation/members").andExpect(status().isOk());

        // Moved at the provider: no longer in the admins' group.
        Visitor after = new Visitor(mvc);
        signIn(after, sso, "sub-cy", Map.of("email", sso.email("cy"), "groups", List.of(), "amr", List.of("mfa")));

        assertThat(members.findByEmail(sso.email("cy")).orElseThrow().roles()).containsExactly(Role.PRACTITIONER);
        after.get("/organisation/members").andExpect(status().isForbidden());
        // The session that held the old roles has ended.
        before.get("/organisation/members").andExpect(status().is3xxRedirection());
        assertThat(audit.latest(sso.organisation().id(), 10)).filteredOn(e -> e.action().equals("account.roles-changed")).first()
                .satisfies(e -> assertThat(e.details()).contains("ORGANISATION_ADMIN").contains("sso"));
    }

    @Test
    void anAddressOutsideTheOrganisationsDomainsIsRefused() throws Exception {
        Sso sso = sso("Council");
        Visitor browser = new Visitor(mvc);
        String next = signIn(browser, sso, "sub-out", Map.of("email", "someone@elsewhere.example.org", "amr", List.of("mfa")));

        assertThat(next).isEqualTo("/login?sso-refused");
        assertThat(members.findByEmail("someone@elsewhere.example.org")).isEmpty();
        browser.get("/").andExpect(status().is3xxRedirection());
        new Visitor(mvc).get("/login?sso-refused").andExpect(content().string(containsString("cannot be used to sign in to Caseshare")));
        assertThat(audit.latest(sso.organisation().id(), 5)).filteredOn(e -> e.action().equals("sso.sign-in-failed")).first()
                .satisfies(e -> assertThat(e.details()).contains("domain-not-allowed"));
    }

    @Test
    void aDisabledMemberCannotSignInThroughTheProvider() throws Exception {
        Sso sso = sso("Council");
        Account admin = fixtures.person(sso.organisation(), Role.ORGANISATION_ADMIN);
        signIn(new Visitor(mvc), sso, "sub-dee", Map.of("email", sso.email("dee"), "amr", List.of("mfa")));
        Account dee = members.findByEmail(sso.email("dee")).orElseThrow();
        members.disable(sso.organisation().id(), dee.id(), admin.id().toString());

        assertThat(signIn(new Visitor(mvc), sso, "sub-dee", Map.of("email", sso.email("dee"), "amr", List.of("mfa"))))
                .isEqualTo("/login?sso-refused");
    }

    @Test
    void aForgedIdTokenIsRefused() throws Exception {
        Sso sso = sso("Council");
        Visitor browser = new Visitor(mvc);
        String next = signInWith(browser, sso, request -> {
            try {
                return idp.forged(sso.issuerId(), sso.clientId(), "sub-forged",
                        Map.of("nonce", request.get("nonce"), "email", sso.email("forged"), "amr", List.of("mfa")));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertRefused(browser, sso, next, sso.email("forged"), "invalid_id_token");
    }

    @Test
    void aRotatedSigningKeyIsPickedUpFromTheProvidersKeySet() throws Exception {
        Sso sso = sso("Council");
        assertThat(signIn(new Visitor(mvc), sso, "sub-rot", Map.of("email", sso.email("rot"), "amr", List.of("mfa")))).isEqualTo("/");
        RSAKey rotated = idp.rotateKey(sso.issuerId());

        Visitor browser = new Visitor(mvc);
        String next = signInWith(browser, sso, request -> {
            try {
                return idp.signedBy(rotated, sso.issuerId(), sso.clientId(), "sub-rot",
                        Map.of("nonce", request.get("nonce"), "email", sso.email("rot"), "amr", List.of("mfa")));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(next).isEqualTo("/");
        browser.get("/").andExpect(status().isOk());
    }

    @Test
    void anExpiredIdTokenIsRefused() throws Exception {
        Sso sso = sso("Council");
        Visitor browser = new Visitor(mvc);
        String next = signInWith(browser, sso, request -> idp.signed(sso.issuerId(), sso.clientId(), "sub-expired",
                Map.of("nonce", request.get("nonce"), "email", sso.email("expired"), "amr", List.of("mfa")), -3600));
        assertRefused(browser, sso, next, sso.email("expired"), "invalid_id_token");
    }

    @Test
    void anIdTokenForAnotherAudienceIsRefused() throws Exception {
        Sso sso = sso("Council");
        Visitor browser = new Visitor(mvc);
        String next = signInWith(browser, sso, request -> idp.signed(sso.issuerId(), "some-other-application", "sub-aud",
                Map.of("nonce", request.get("nonce"), "email", sso.email("aud"), "amr", List.of("mfa")), 3600));
        assertRefused(browser, sso, next, sso.email("aud"), "invalid_id_token");
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() throws Exception {
        Sso sso = sso("Council");
        Visitor browser = new Visitor(mvc);
        String next = signInWith(browser, sso, request -> idp.signed(sso.issuerId(), sso.clientId(), "sub-nonce",
                Map.of("nonce", "a-nonce-from-another-sign-in", "email", sso.email("nonce"), "amr", List.of("mfa")), 3600));
        assertRefused(browser, sso, next, sso.email("nonce"), "invalid_nonce");
    }

    @Test
    void aReplayedStateIsRefused() throws Exception {
        Sso sso = sso("Council");
        Visitor browser = new Visitor(mvc);
        idp.nextSignIn(sso.issuerId(), "sub-replay", Map.of("email", sso.email("replay"), "amr", List.of("mfa")));
        String authorization = browser.get("/oauth2/authorization/" + sso.organisation().id()).andReturn().getResponse().getRedirectedUrl();
        String callback = idp.authorize(authorization);
        callback(browser, callback).andExpect(redirectedUrl("/"));

        // The same response again, in this browser and in another one.
        callback(browser, callback).andExpect(redirectedUrl("/login?sso-failed"));
        Visitor attacker = new Visitor(mvc);
        callback(attacker, callback).andExpect(redirectedUrl("/login?sso-failed"));
        attacker.get("/").andExpect(status().is3xxRedirection());
        assertThat(audit.latest(sso.organisation().id(), 5)).filteredOn(e -> e.action().equals("sso.sign-in-failed"))
                .extracting(AuditEntry::details).allSatisfy(details -> assertThat(details).contains("authorization_request_not_found"));
    }

    @Test
    void anUnreachableProviderGetsAClearPageAndPasswordsStillWork() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        String domain = Fixtures.unique("down").toLowerCase() + ".example.org";
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        settings.configure(organisation.id(), new SsoSettingsForm("http://127.0.0.1:" + closedPort + "/down", "client", "secret", domain,
                "groups", "", "practitioner", "", false), UUID.randomUUID());
        Visitor browser = new Visitor(mvc);

        browser.post("/login/realm", "email", "anyone@" + domain)
                .andExpect(content().string(containsString("href=\"/oauth2/authorization/" + organisation.id() + "\"")));
        browser.get("/oauth2/authorization/" + organisation.id()).andExpect(redirectedUrl("/sso/unavailable"));
        browser.get("/sso/unavailable").andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("Sign-in through your organisation is not available")))
                .andExpect(content().string(not(containsString("Exception"))));
        assertThat(audit.latest(organisation.id(), 5)).filteredOn(e -> e.action().equals("sso.sign-in-failed")).first()
                .satisfies(e -> assertThat(e.details()).contains("idp-unavailable"));

        Account local = fixtures.person(fixtures.organisation("Partner"), Role.PARTNER);
        fixtures.signIn(mvc, local).get("/").andExpect(status().isOk());
    }

    @Test
    void backChannelLogoutFromTheProviderEndsThePersonsSessions() throws Exception {
        Sso sso = sso("Council");
        Visitor browser = new Visitor(mvc);
        signIn(browser, sso, "sub-bcl", Map.of("email", sso.email("bcl"), "amr", List.of("mfa")));
        browser.get("/").andExpect(status().isOk());
        String logoutToken = idp.signed(sso.issuerId(), sso.clientId(), "sub-bcl",
                Map.of("events", Map.of(SsoIdTokenDecoders.BACK_CHANNEL_LOGOUT_EVENT, Map.of()), "jti", UUID.randomUUID().toString()), 120);

        new Visitor(mvc).postWithoutCsrf("/sso/" + sso.organisation().id() + "/back-channel-logout", "logout_token", logoutToken)
                .andExpect(status().isOk());

        browser.get("/").andExpect(status().is3xxRedirection());
        Account person = members.findByEmail(sso.email("bcl")).orElseThrow();
        assertThat(audit.latest(sso.organisation().id(), 5)).filteredOn(e -> e.action().equals("sso.back-channel-logout")).first()
                .satisfies(e -> assertThat(e.target()).isEqualTo("account:" + person.id()))
                .satisfies(e -> assertThat(e.details()).contains("\"sessionsEnded\":\"1\"").contains("sso"));
    }

    @Test
    void aLogoutTokenThatIsNotThisProvidersLogoutTokenEndsNothing() throws Exception {
        Sso sso = sso("Council");
        Sso other = sso("Other");
        Visitor browser = new Visitor(mvc);
        signIn(browser, sso, "sub-keep", Map.of("email", sso.email("keep"), "amr", List.of("mfa")));
        Map<String, Object> event = Map.of(SsoIdTokenDecoders.BACK_CHANNEL_LOGOUT_EVENT, Map.of());
        String endpoint = "/sso/" + sso.organisation().id() + "/back-channel-logout";

        // From another organisation's provider; with a nonce; without the logout event (an ID token); for another client.
        for (String token : List.of(
                idp.signed(other.issuerId(), sso.clientId(), "sub-keep", Map.of("events", event), 120),
                idp.signed(sso.issuerId(), sso.clientId(), "sub-keep", Map.of("events", event, "nonce", "n"), 120),
                idp.signed(sso.issuerId(), sso.clientId(), "sub-keep", Map.of("email", sso.email("keep")), 120),
                idp.signed(sso.issuerId(), other.clientId(), "sub-keep", Map.of("events", event), 120),
                "not-a-token")) {
            new Visitor(mvc).postWithoutCsrf(endpoint, "logout_token", token).andExpect(status().isBadRequest());
        }
        browser.get("/").andExpect(status().isOk());
    }

    @Test
    void oneOrganisationsProviderCanNeverSignAnyoneIntoAnother() throws Exception {
        Sso a = sso("Council A");
        Sso b = sso("Council B");
        Account inB = fixtures.person(b.organisation(), Role.ORGANISATION_ADMIN);

        // A's provider vouches for an address in B's domain: refused on A's callback, nothing made in either.
        assertThat(signIn(new Visitor(mvc), a, "sub-x", Map.of("email", b.email("mallory"), "amr", List.of("mfa"))))
                .isEqualTo("/login?sso-refused");
        assertThat(members.findByEmail(b.email("mallory"))).isEmpty();

        // A's provider's token handed to B's callback: the issuer is not B's, so the token is refused.
        Visitor browser = new Visitor(mvc);
        String next = signInWith(browser, b, request -> idp.signed(a.issuerId(), b.clientId(), "sub-y",
                Map.of("nonce", request.get("nonce"), "email", b.email("mallory"), "amr", List.of("mfa")), 3600));
        assertThat(next).isEqualTo("/login?sso-failed");
        browser.get("/").andExpect(status().is3xxRedirection());

        // A claims the domain of a local account of B's (B never claimed it): that account is still not A's to sign in.
        String localDomain = inB.email().substring(inB.email().indexOf('@') + 1);
        settings.configure(a.organisation().id(), new SsoSettingsForm(idp.issuer(a.issuerId()), a.clientId(), "", a.domain() + " " + localDomain,
                "groups", "", "practitioner", "", false), UUID.randomUUID());
        Visitor attacker = new Visitor(mvc);
        assertThat(signIn(attacker, a, "sub-z", Map.of("email", inB.email(), "amr", List.of("mfa")))).isEqualTo("/login?sso-refused");
        attacker.get("/").andExpect(status().is3xxRedirection());
        assertThat(members.findById(inB.id()).orElseThrow().roles()).containsExactly(Role.ORGANISATION_ADMIN);
        assertThat(audit.latest(a.organisation().id(), 3)).filteredOn(e -> e.action().equals("sso.sign-in-failed")).first()
                .satisfies(e -> assertThat(e.details()).contains("account-in-another-organisation"));
    }

    @Test
    void aProviderThatGoesDownDuringSignInGetsTheClearPage() throws Exception {
        Organisation organisation = fixtures.organisation("Council");
        Visitor browser = new Visitor(mvc);
        String next;
        try (OidcProvider failing = OidcProvider.start()) {
            settings.configure(organisation.id(), new SsoSettingsForm(failing.issuer("failing"), "client", "secret",
                    Fixtures.unique("failing").toLowerCase() + ".example.org", "groups", "", "practitioner", "", false), UUID.randomUUID());
            next = browser.get("/oauth2/authorization/" + organisation.id()).andReturn().getResponse().getRedirectedUrl();
            assertThat(next).startsWith(failing.issuer("failing"));
        }
        // The provider stopped after sending the person to its login page: the code cannot be redeemed.
        browser.perform(get("/login/oauth2/code/" + organisation.id()).param("code", "a-code")
                .param("state", OidcProvider.query(next).get("state"))).andExpect(redirectedUrl("/sso/unavailable"));
        browser.get("/").andExpect(status().is3xxRedirection());
        assertThat(audit.latest(organisation.id(), 3)).filteredOn(e -> e.action().equals("sso.sign-in-failed")).first()
                .satisfies(e -> assertThat(e.details()).contains("invalid_token_response"));
    }

    private void assertRefused(Visitor browser, Sso sso, String next, String email, String reason) throws Exception {
        assertThat(next).isEqualTo("/login?sso-failed");
        browser.get("/").andExpect(status().is3xxRedirection());
        assertThat(members.findByEmail(email)).isEmpty();
        new Visitor(mvc).get("/login?sso-failed").andExpect(content().string(containsString("identity provider did not work")));
        AuditEntry failed = audit.latest(sso.organisation().id(), 5).stream().filter(e -> e.action().equals("sso.sign-in-failed"))
                .findFirst().orElseThrow();
        assertThat(failed.details()).contains(reason).doesNotContain("eyJ");
    }
}
