package org.caseshare.system;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every word Caseshare shows, in English ({@code i18n/<area>.properties}) and Welsh
 * ({@code i18n/<area>_cy.properties}): pages through Thymeleaf's {@code #{…}}, and Java code that
 * builds text (form errors, problem titles, emails, documents) through {@link #text}. It is the
 * application's {@code messageSource} bean, and also reachable statically so that plain objects
 * such as {@link FormErrors} can speak the reader's language.
 *
 * <p>Every message goes through {@link java.text.MessageFormat}, with or without arguments, so an
 * apostrophe is always written {@code ''} (MessageCataloguesTests checks).
 */
public final class Catalogue {

    /** One bundle per area, so that each module's words live beside each other. */
    public static final String[] BASENAMES = {
            "i18n/common", "i18n/identity", "i18n/sharing", "i18n/decision", "i18n/hub", "i18n/channels",
            "i18n/custody", "i18n/incident", "i18n/directory", "i18n/oversight", "i18n/retention",
            "i18n/audit", "i18n/system", "i18n/webhook", "i18n/scim", "i18n/mail", "i18n/documents",
            "i18n/problems" };

    private static final ResourceBundleMessageSource SOURCE = build();

    private Catalogue() {
    }

    private static ResourceBundleMessageSource build() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(BASENAMES);
        source.setDefaultEncoding("UTF-8");
        // A Welsh page on a machine whose own locale is, say, German must not turn German.
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(Languages.ENGLISH);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    public static MessageSource source() {
        return SOURCE;
    }

    /** The message in the language of the request being served (English outside a request). */
    public static String text(String code, Object... args) {
        return SOURCE.getMessage(code, args, LocaleContextHolder.getLocale());
    }

    public static String text(Locale locale, String code, Object... args) {
        return SOURCE.getMessage(code, args, locale);
    }

    public static String text(MessageSourceResolvable message) {
        return SOURCE.getMessage(message, LocaleContextHolder.getLocale());
    }

    public static String text(Locale locale, MessageSourceResolvable message) {
        return SOURCE.getMessage(message, locale);
    }
}
