package org.caseshare.system;

import java.util.Optional;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * How the person acting came in. Identity marks it (on the session when a sign-in finishes, on the
 * request for an API token or a SCIM client) and the audit trail adds it to every entry a request
 * makes as {@code via}, so audit, which identity depends on, needs nothing from identity to say so.
 */
public enum SignInMethod {
    PASSWORD("password"),
    PASSKEY("passkey"),
    SSO("sso"),
    RECOVERY_CODE("recovery-code"),
    API_TOKEN("token"),
    SCIM("scim");

    /** The request (and session) attribute that holds it. */
    public static final String ATTRIBUTE = SignInMethod.class.getName();

    private final String via;

    SignInMethod(String via) {
        this.via = via;
    }

    /** The name audit entries use as {@code via}. */
    public String via() {
        return via;
    }

    /** For this request only: a token is presented on each call. */
    public void markRequest(ServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** For the rest of the session: the session id has already changed at sign-in, and sign-out ends it. */
    public void markSession(HttpServletRequest request) {
        request.getSession().setAttribute(ATTRIBUTE, this);
    }

    /** How the person behind this request came in; the request's own mark wins over the session's. */
    public static Optional<SignInMethod> of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof SignInMethod method) {
            return Optional.of(method);
        }
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof SignInMethod method ? Optional.of(method) : Optional.empty();
    }
}
