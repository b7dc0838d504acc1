package org.caseshare.identity;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.caseshare.system.Actor;
import org.caseshare.system.SignInMethod;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives controllers the signed-in person as an {@link Actor}. Roles are read from the granted
 * authorities, so an actor holds exactly what the security chain allowed.
 */
final class ActorResolver implements HandlerMethodArgumentResolver {

    private static final String ROLE_PREFIX = "ROLE_";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Actor.class.equals(parameter.getParameterType());
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) {
        return current(request.getNativeRequest(HttpServletRequest.class));
    }

    /** @param request the request being served, which says how the person came in; null outside one */
    static Actor current(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)
                || authentication.getAuthorities().stream().noneMatch(a -> CurrentUser.FULLY_AUTHENTICATED.equals(a.getAuthority()))) {
            throw new AccessDeniedException("Sign in first");
        }
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX)).map(authority -> authority.substring(ROLE_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
        SignInMethod via = request == null ? null : SignInMethod.of(request).orElse(null);
        return new Actor(user.accountId(), user.organisationId(), user.displayName(), roles, via);
    }
}
