package org.caseshare.system;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Which language a page is in, first match wins:
 * <ol>
 * <li>the choice made in this session (the "English | Cymraeg" switcher);</li>
 * <li>the choice kept on the signed-in person's account, read once a session;</li>
 * <li>the choice a visitor not signed in made before, in a cookie;</li>
 * <li>the browser's {@code Accept-Language};</li>
 * <li>English.</li>
 * </ol>
 * The session lives in the database, so every node answers in the same language. The API (no
 * session) follows {@code Accept-Language}.
 */
public final class LanguageResolver implements LocaleResolver {

    static final String SESSION_LANGUAGE = LanguageResolver.class.getName() + ".language";
    static final String SESSION_ACCOUNT_READ = LanguageResolver.class.getName() + ".account";
    /** The choice made with this very request, for a visitor who has no session yet to keep it in. */
    static final String REQUEST_LANGUAGE = LanguageResolver.class.getName() + ".chosen";
    public static final String COOKIE = "caseshare-language";

    private final ObjectProvider<AccountLanguages> accounts;

    public LanguageResolver(ObjectProvider<AccountLanguages> accounts) {
        this.accounts = accounts;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(REQUEST_LANGUAGE) instanceof String chosenNow) {
            return Languages.named(chosenNow).orElse(Languages.ENGLISH);
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            if (session.getAttribute(SESSION_LANGUAGE) instanceof String chosen) {
                Optional<Locale> language = Languages.named(chosen);
                if (language.isPresent()) {
                    return language.get();
                }
            }
            Optional<Locale> kept = fromAccount(session);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        return fromCookie(request).orElseGet(() -> Languages.preferredBy(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    private Optional<Locale> fromAccount(HttpSession session) {
        AccountLanguages languages = accounts.getIfAvailable();
        if (languages == null) {
            return Optional.empty();
        }
        Optional<UUID> account = languages.signedIn();
        if (account.isEmpty() || account.get().toString().equals(session.getAttribute(SESSION_ACCOUNT_READ))) {
            return Optional.empty();
        }
        // Read once per person per session; a choice found is then the session's choice.
        session.setAttribute(SESSION_ACCOUNT_READ, account.get().toString());
        Optional<Locale> kept = languages.chosenBy(account.get());
        kept.ifPresent(language -> session.setAttribute(SESSION_LANGUAGE, language.getLanguage()));
        return kept;
    }

    /**
     * At a completed sign-in. An account that keeps a language has it for this session too: the
     * account wins over a choice made on the sign-in pages. An account that keeps none takes the
     * choice the visitor made before signing in (with the switcher: this session's, or the cookie's;
     * never merely what the browser asks for), so it follows them to their next device.
     */
    public static void signedIn(HttpServletRequest request, UUID accountId, AccountLanguages languages) {
        Optional<Locale> kept = languages.chosenBy(accountId);
        Optional<Locale> language = kept;
        if (kept.isEmpty()) {
            language = visitorsChoice(request);
            language.ifPresent(chosen -> languages.remember(accountId, chosen));
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(SESSION_ACCOUNT_READ, accountId.toString());
            language.ifPresent(chosen -> session.setAttribute(SESSION_LANGUAGE, chosen.getLanguage()));
        }
        language.ifPresent(chosen -> request.setAttribute(REQUEST_LANGUAGE, chosen.getLanguage()));
    }

    /** A language the visitor chose with the switcher: with this request, earlier in this session, or in the cookie. */
    private static Optional<Locale> visitorsChoice(HttpServletRequest request) {
        if (request.getAttribute(REQUEST_LANGUAGE) instanceof String chosenNow) {
            return Languages.named(chosenNow);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_LANGUAGE) instanceof String chosen) {
            Optional<Locale> language = Languages.named(chosen);
            if (language.isPresent()) {
                return language;
            }
        }
        return fromCookie(request);
    }

    private static Optional<Locale> fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return Languages.named(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Optional<Locale> language = Languages.named(locale == null ? null : locale.toLanguageTag());
        if (language.isEmpty()) {
            return;
        }
        String tag = language.get().getLanguage();
        request.setAttribute(REQUEST_LANGUAGE, tag);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(SESSION_LANGUAGE, tag);
        }
        AccountLanguages languages = accounts.getIfAvailable();
        if (languages != null) {
            languages.signedIn().ifPresent(account -> languages.remember(account, language.get()));
        }
        if (response != null) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, tag).path("/").httpOnly(true)
                    .secure(request.isSecure()).sameSite("Lax").maxAge(Duration.ofDays(365)).build().toString());
        }
    }
}
