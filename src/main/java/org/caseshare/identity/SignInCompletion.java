package org.caseshare.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.system.AccountLanguages;
import org.caseshare.system.LanguageResolver;
import org.caseshare.system.SignInMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Both factors are done: the person now holds their roles. The session id changes again, so an id
 * seen before this moment is worthless, and the browser is given a device cookie. The session
 * remembers how the person came in, so every audit entry it makes says so, and speaks the language
 * the account keeps (or keeps the one the visitor chose before signing in on an account with none).
 */
@Component
class SignInCompletion {

    private final SecurityContextRepository contexts;
    private final DeviceCookies deviceCookies;
    private final AuditTrail audit;
    private final AccountLanguages languages;

    SignInCompletion(SecurityContextRepository contexts, DeviceCookies deviceCookies, AuditTrail audit, AccountLanguages languages) {
        this.contexts = contexts;
        this.deviceCookies = deviceCookies;
        this.audit = audit;
        this.languages = languages;
    }

    /**
     * @param factor the second factor used, as the audit trail names it
     * @param via    how the person came in
     */
    void complete(Account account, String factor, SignInMethod via, HttpServletRequest request, HttpServletResponse response) {
        CurrentUser user = new CurrentUser(account, null);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.fullAuthorities()));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        via.markSession(request);
        contexts.saveContext(context, request, response);
        LanguageResolver.signedIn(request, account.id(), languages);
        LoginThrottle.succeeded(request);
        deviceCookies.issue(account.id(), response);
        audit.record(AuditEvent.success("login.success", account.id().toString(), account.organisationId(), "account:" + account.id())
                .with("factor", factor).with("via", via.via()));
    }
}
