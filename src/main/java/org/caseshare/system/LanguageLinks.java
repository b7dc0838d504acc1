package org.caseshare.system;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The language switcher's links ({@code @languageLinks} in {@code fragments/layout.html}): the page
 * being shown, with {@code ?lang=} set, so that switching keeps the reader where they were.
 */
@Component("languageLinks")
public class LanguageLinks {

    public String current() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    public boolean welsh() {
        return Languages.welsh(LocaleContextHolder.getLocale());
    }

    /** The current page in the given language, as a path (never another host). */
    public String to(String language) {
        String tag = Languages.named(language).map(Locale::getLanguage).orElse(Languages.ENGLISH.getLanguage());
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "/?lang=" + tag;
        }
        HttpServletRequest request = attributes.getRequest();
        String path = request.getRequestURI();
        String query = request.getQueryString();
        // A form that came back with errors was a POST: its page is the same path, read fresh.
        if (!"GET".equals(request.getMethod())) {
            query = null;
        }
        return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam("lang", tag).build(true).toUriString();
    }
}
