package org.caseshare.system;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id that a person can quote: it is in every log line written while the request
 * is handled (MDC {@code requestId}, a field of its own in JSON logs), in the {@code X-Request-Id}
 * response header, on error pages and in the API's problem details. An id from the proxy in front is
 * kept only when it matches a strict pattern (letters, digits, dot, dash and underscore, 8 to 64 of
 * them), so nobody can write their own text into the logs; otherwise a new one is made.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    /** The request attribute (and the templates' variable) holding the id. */
    public static final String ATTRIBUTE = "requestId";
    public static final String MDC_KEY = "requestId";
    static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{7,63}");

    /** The id of the request being handled on this thread, or null outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getAttribute(ATTRIBUTE) instanceof String earlier ? earlier : chooseId(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        if (!response.containsHeader(HEADER)) {
            response.setHeader(HEADER, id);
        }
        String outer = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, outer);
            }
        }
    }

    /** The error page is rendered in a second dispatch of the same request: same id, in the logs too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    static String chooseId(String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
