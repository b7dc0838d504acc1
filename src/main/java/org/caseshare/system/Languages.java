package org.caseshare.system;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Caseshare speaks: English, and Welsh for the Welsh Language Standards. Anything
 * else a browser asks for falls back to English.
 */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale WELSH = Locale.forLanguageTag("cy");
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, WELSH);

    private Languages() {
    }

    /** "en" or "cy" (any case, region ignored) as a supported language; empty for anything else. */
    public static Optional<Locale> named(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /** The supported language an {@code Accept-Language} header prefers most; English when none. */
    public static Locale preferredBy(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return match == null ? ENGLISH : match;
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
    }

    public static boolean welsh(Locale locale) {
        return locale != null && WELSH.getLanguage().equals(locale.getLanguage());
    }
}
