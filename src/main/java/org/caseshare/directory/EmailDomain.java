package org.caseshare.directory;

import java.util.Locale;
import java.util.regex.Pattern;

/** An internet mail domain, lower case, such as {@code wessex.gov.uk}; a leading {@code @} is dropped. */
public record EmailDomain(String value) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    public EmailDomain {
        value = normalise(value);
    }

    public static EmailDomain parse(String typed) {
        return new EmailDomain(typed);
    }

    private static String normalise(String typed) {
        if (typed == null || typed.isBlank()) {
            throw InvalidValueException.coded("directory.error.domain.missing");
        }
        String domain = typed.strip().toLowerCase(Locale.ROOT);
        if (domain.startsWith("@")) {
            domain = domain.substring(1);
        }
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        String[] labels = domain.split("\\.", -1);
        boolean valid = domain.length() <= 253 && labels.length >= 2 && TOP_LEVEL.matcher(labels[labels.length - 1]).matches();
        for (String label : labels) {
            valid &= LABEL.matcher(label).matches();
        }
        if (!valid) {
            throw InvalidValueException.coded("directory.error.domain.format");
        }
        return domain;
    }

    /** True for this domain itself and any domain under it: {@code x.gcsx.gov.uk} is within {@code gcsx.gov.uk}. */
    public boolean within(EmailDomain other) {
        return value.equals(other.value) || value.endsWith("." + other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
