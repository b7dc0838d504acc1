package org.caseshare.support;

import jakarta.servlet.http.Cookie;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * One person's browser against the app: it keeps the session cookie between requests (sessions live
 * in the database through Spring Session, which reads the cookie), and comes from one address.
 */
public class Visitor {

    public static final String DEVICE_COOKIE = "__Host-caseshare-device";

    private final MockMvc mvc;
    private final String address;
    private Cookie session;
    private Cookie device;

    public Visitor(MockMvc mvc) {
        this(mvc, "10.77." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250));
    }

    /** A browser at a given address, e.g. a second browser in the same office as another. */
    public Visitor(MockMvc mvc, String address) {
        this.mvc = mvc;
        this.address = address;
    }

    public String address() {
        return address;
    }

    public ResultActions get(String url) throws Exception {
        return perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url));
    }

    /** A form post with a valid CSRF token; params are name, value, name, value… */
    public ResultActions post(String url, String... params) throws Exception {
        return perform(form(url, params).with(csrf()));
    }

    public ResultActions postWithoutCsrf(String url, String... params) throws Exception {
        return perform(form(url, params));
    }

    /** Any request, including multipart uploads (whose builder is not a MockHttpServletRequestBuilder). */
    public ResultActions perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
        if (session != null) {
            request.cookie(session);
        }
        if (device != null) {
            request.cookie(device);
        }
        ResultActions result = mvc.perform(request);
        MockHttpServletResponse response = result.andReturn().getResponse();
        for (String header : response.getHeaders(HttpHeaders.SET_COOKIE)) {
            if (header.startsWith("__Host-caseshare=")) {
                String value = header.substring("__Host-caseshare=".length(), header.indexOf(';') < 0 ? header.length() : header.indexOf(';'));
                session = value.isEmpty() ? null : new Cookie("__Host-caseshare", value);
            }
            if (header.startsWith(DEVICE_COOKIE + "=")) {
                device = new Cookie(DEVICE_COOKIE, header.substring(DEVICE_COOKIE.length() + 1, header.indexOf(';') < 0 ? header.length() : header.indexOf(';')));
            }
        }
        return result;
    }

    /** The device cookie (OWASP's device cookies for sign-in throttling) this browser holds, or null. */
    public String deviceCookie() {
        return device == null ? null : device.getValue();
    }

    /** Puts a device cookie in this browser, as an attacker could copy or forge one. */
    public void deviceCookie(String value) {
        device = value == null ? null : new Cookie(DEVICE_COOKIE, value);
    }

    /** The session cookie's value now (it changes when the session id changes). */
    public String sessionCookie() {
        return session == null ? null : session.getValue();
    }

    private static MockHttpServletRequestBuilder form(String url, String... params) {
        MockHttpServletRequestBuilder builder = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url);
        for (int i = 0; i + 1 < params.length; i += 2) {
            builder.param(params[i], params[i + 1]);
        }
        return builder;
    }
}
