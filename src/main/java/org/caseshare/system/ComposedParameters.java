package org.caseshare.system;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every form field of every page arrives in Unicode NFC, so "Siân" typed with a combining circumflex
 * (as some keyboards and pasted text give it) is stored, searched and printed as the same name as
 * "Siân" typed in one character: the incident, custody, hub, directory and admin forms as much as the
 * share form. JSON bodies are composed as they are read ({@link PlainTextRequestBodies}).
 *
 * <p>Passwords are passed as typed: a password set before this filter existed must still match, and
 * changing what someone typed as their secret is not ours to do. Parameters are read, and composed,
 * only when something asks for them, so a streamed upload is not parsed here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ComposedParameters extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Composed(request), response);
    }

    static boolean passedAsTyped(String name) {
        return name.toLowerCase(Locale.ROOT).contains("password");
    }

    private static final class Composed extends HttpServletRequestWrapper {

        private Map<String, String[]> composed;

        Composed(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = getParameterMap().get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (composed == null) {
                Map<String, String[]> map = new LinkedHashMap<>();
                super.getParameterMap().forEach((name, values) -> map.put(name, passedAsTyped(name) ? values : compose(values)));
                composed = Collections.unmodifiableMap(map);
            }
            return composed;
        }

        private static String[] compose(String[] values) {
            String[] out = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = PlainText.composed(values[i]);
            }
            return out;
        }
    }
}
