package org.caseshare.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ComposedParametersTests {

    /** "Siân Llŷr" typed with combining marks: a, U+0302; y, U+0302. */
    static final String DECOMPOSED = "Sia\u0302n Lly\u0302r";
    static final String COMPOSED = "Si\u00e2n Ll\u0177r";

    @Test
    void everyFormFieldArrivesComposedHoweverItWasAskedFor() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/incidents");
        request.addParameter("name", DECOMPOSED);
        request.addParameter("lines", DECOMPOSED, "plain");

        HttpServletRequest seen = filtered(request);

        assertThat(seen.getParameter("name")).isEqualTo(COMPOSED);
        assertThat(seen.getParameterValues("lines")).containsExactly(COMPOSED, "plain");
        assertThat(seen.getParameterMap().get("name")).containsExactly(COMPOSED);
        assertThat(Collections.list(seen.getParameterNames())).containsExactly("name", "lines");
        assertThat(seen.getParameter("absent")).isNull();
        assertThat(seen.getParameterValues("absent")).isNull();
    }

    @Test
    void passwordsArePassedAsTyped() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/account/password");
        request.addParameter("currentPassword", DECOMPOSED);
        request.addParameter("password", DECOMPOSED);

        HttpServletRequest seen = filtered(request);

        assertThat(seen.getParameter("currentPassword")).isEqualTo(DECOMPOSED);
        assertThat(seen.getParameter("password")).isEqualTo(DECOMPOSED);
    }

    private static HttpServletRequest filtered(MockHttpServletRequest request) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        new ComposedParameters().doFilter(request, new MockHttpServletResponse(), chain);
        return (HttpServletRequest) chain.getRequest();
    }
}
