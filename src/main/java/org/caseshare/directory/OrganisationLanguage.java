package org.caseshare.directory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.caseshare.system.Languages;

/**
 * The language an organisation in a directory works in, as the Welsh Language Standards ask us to
 * record: what Caseshare writes to it in. {@link #BOTH} is Welsh first, then English.
 */
public enum OrganisationLanguage {
    ENGLISH("en", List.of(Languages.ENGLISH)),
    WELSH("cy", List.of(Languages.WELSH)),
    BOTH("both", List.of(Languages.WELSH, Languages.ENGLISH));

    private final String code;
    private final List<Locale> locales;

    OrganisationLanguage(String code, List<Locale> locales) {
        this.code = code;
        this.locales = locales;
    }

    /** {@code en}, {@code cy} or {@code both}: the column's value and the API's. */
    public String code() {
        return code;
    }

    /** The languages to write in, in order. */
    public List<Locale> locales() {
        return locales;
    }

    /** By its code (any case), or empty. */
    public static Optional<OrganisationLanguage> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.code.equals(wanted)).findFirst();
    }
}
