package org.caseshare.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.caseshare.crypto.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The management credential: the token or its SHA-256 configured, only the right token admitted, none configured admits nobody. */
class ManagementTokenFilterTests {

    private static final String TOKEN = "a-management-token-of-at-least-32-chars";

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private static Authentication present(ManagementProperties properties, String header) throws Exception {
        SecurityContextHolder.clearContext();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        new ManagementTokenFilter(properties).doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        return SecurityContextHolder.getContext().getAuthentication();
    }

    @Test
    void theTokenOrItsHashAdmitsTheMonitoringSystemAndNothingElseDoes() throws Exception {
        for (ManagementProperties configured : new ManagementProperties[] {new ManagementProperties(TOKEN, null),
                new ManagementProperties(null, Tokens.sha256Hex(TOKEN).toUpperCase())}) {
            Authentication admitted = present(configured, "Bearer " + TOKEN);
            assertThat(admitted).isNotNull();
            assertThat(admitted.getAuthorities()).extracting(Object::toString).containsExactly(ManagementTokenFilter.AUTHORITY);
            assertThat(present(configured, "Bearer " + TOKEN + "x")).isNull();
            assertThat(present(configured, "Basic " + TOKEN)).isNull();
            assertThat(present(configured, null)).isNull();
        }
        assertThat(present(new ManagementProperties(null, null), "Bearer " + TOKEN)).as("no credential configured").isNull();
    }

    @Test
    void aShortTokenIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ManagementProperties("too-short", null)).hasMessageContaining("32");
    }
}
