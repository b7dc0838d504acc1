package org.caseshare.identity;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a passkey ceremony's options (its challenge) for the few seconds between the two requests of
 * the ceremony. Spring Security puts them in the HTTP session, but its option objects cannot be
 * serialised into our database-backed sessions; so the session holds a serialisable reference and
 * the options stay in this node's memory for at most five minutes. Behind a load balancer, the two
 * ceremony requests need session affinity (see docs/adr/0004-passkeys.md).
 */
class PasskeyCeremonies extends OncePerRequestFilter {

    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final int MAX_CEREMONIES = 10_000;

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Clock clock;

    PasskeyCeremonies(Clock clock) {
        this.clock = clock;
    }

    private record Held(Object options, Instant until) {
    }

    /** What the database session stores instead of the options. */
    record Reference(String key) implements Serializable {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public HttpSession getSession(boolean create) {
                HttpSession session = super.getSession(create);
                return session == null ? null : new Session(session);
            }

            @Override
            public HttpSession getSession() {
                return getSession(true);
            }
        }, response);
    }

    private Object hold(Object value) {
        if (!(value instanceof PublicKeyCredentialCreationOptions) && !(value instanceof PublicKeyCredentialRequestOptions)) {
            return value;
        }
        Instant now = clock.instant();
        held.values().removeIf(h -> h.until().isBefore(now));
        if (held.size() >= MAX_CEREMONIES) {
            held.clear();
        }
        String key = UUID.randomUUID().toString();
        held.put(key, new Held(value, now.plus(LIFETIME)));
        return new Reference(key);
    }

    private Object release(Object value) {
        if (value instanceof Reference reference) {
            Held found = held.get(reference.key());
            return found == null || found.until().isBefore(clock.instant()) ? null : found.options();
        }
        return value;
    }

    /** The session as Spring Security's passkey filters see it. */
    private final class Session implements HttpSession {
        private final HttpSession delegate;

        Session(HttpSession delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object getAttribute(String name) {
            return release(delegate.getAttribute(name));
        }

        @Override
        public void setAttribute(String name, Object value) {
            delegate.setAttribute(name, hold(value));
        }

        @Override
        public long getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public long getLastAccessedTime() {
            return delegate.getLastAccessedTime();
        }

        @Override
        public ServletContext getServletContext() {
            return delegate.getServletContext();
        }

        @Override
        public void setMaxInactiveInterval(int interval) {
            delegate.setMaxInactiveInterval(interval);
        }

        @Override
        public int getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void removeAttribute(String name) {
            delegate.removeAttribute(name);
        }

        @Override
        public void invalidate() {
            delegate.invalidate();
        }

        @Override
        public boolean isNew() {
            return delegate.isNew();
        }
    }
}
