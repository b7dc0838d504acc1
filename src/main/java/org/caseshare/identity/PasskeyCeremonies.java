package org.caseshare.identity;

import java.io.IOException;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a passkey ceremony's options (its challenge) in the database session between the two requests
 * of the ceremony, so that the second request may reach any node behind the load balancer. Spring
 * Security puts the options in the HTTP session, but its option objects cannot be serialised; this
 * filter shows Spring Security a session that stores serialisable copies ({@link PasskeyOptions}).
 */
class PasskeyCeremonies extends OncePerRequestFilter {

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

    /** The session as Spring Security's passkey filters see it. */
    private final class Session implements HttpSession {
        private final HttpSession delegate;

        Session(HttpSession delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object getAttribute(String name) {
            return PasskeyOptions.original(delegate.getAttribute(name));
        }

        @Override
        public void setAttribute(String name, Object value) {
            delegate.setAttribute(name, PasskeyOptions.copy(value));
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
