package org.caseshare.audit;

import org.caseshare.system.SignInMethod;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every entry a request makes says how the person came in, from the mark identity leaves on the
 * request or session; an entry that names its own {@code via} keeps it. (The journeys through the
 * pages, an API token, SSO and SCIM are in SignInJourneyTests, ApiTests, SsoSignInTests and
 * ScimProvisioningTests.)
 */
abstract class AuditViaTests extends IntegrationTest {

    @Autowired
    AuditTrail audit;

    @AfterEach
    void leaveTheRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void anEntryMadeDuringARequestSaysHowThePersonCameIn() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        SignInMethod.API_TOKEN.markRequest(request);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        assertThat(detailsOf(AuditEvent.success(action(), "actor", null, "test:1"))).isEqualTo("{\"via\":\"token\"}");
    }

    @Test
    void theSessionsMarkCountsAndTheRequestsOwnMarkWins() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        SignInMethod.SSO.markSession(request);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        assertThat(detailsOf(AuditEvent.success(action(), "actor", null, "test:1"))).isEqualTo("{\"via\":\"sso\"}");

        SignInMethod.SCIM.markRequest(request);
        assertThat(detailsOf(AuditEvent.success(action(), "actor", null, "test:1"))).isEqualTo("{\"via\":\"scim\"}");
    }

    @Test
    void anEntryThatNamesItsOwnViaKeepsIt() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        SignInMethod.PASSWORD.markSession(request);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        assertThat(detailsOf(AuditEvent.success(action(), "actor", null, "test:1").with("via", "secure-hub")))
                .isEqualTo("{\"via\":\"secure-hub\"}");
    }

    @Test
    void anEntryOutsideARequestOrFromAnUnmarkedOneHasNoVia() {
        assertThat(detailsOf(AuditEvent.success(action(), "system", null, "test:1"))).isNull();

        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        assertThat(detailsOf(AuditEvent.success(action(), "anonymous", null, "test:1").with("reason", "x")))
                .isEqualTo("{\"reason\":\"x\"}");
    }

    private String detailsOf(AuditEvent event) {
        audit.record(event);
        return audit.latestWithAction(event.action(), 1).stream().findFirst().orElseThrow().details();
    }

    private static String action() {
        return Fixtures.unique("test.via").toLowerCase();
    }
}
