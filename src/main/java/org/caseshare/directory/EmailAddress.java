package org.caseshare.directory;

import java.util.Locale;
import java.util.regex.Pattern;

/** A contact's email address: a plain local part and a valid {@link EmailDomain}, kept in lower case. */
public record EmailAddress(String localPart, EmailDomain domain) {

    private static final Pattern LOCAL = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

    public EmailAddress {
        if (localPart == null || localPart.length() > 64 || !LOCAL.matcher(localPart).matches() || domain == null) {
            throw InvalidValueException.coded("directory.error.email.format");
        }
    }

    public static EmailAddress parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw InvalidValueException.coded("directory.error.email.missing");
        }
        String address = typed.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1 || address.length() > 320) {
            throw InvalidValueException.coded("directory.error.email.format");
        }
        EmailDomain domain;
        try {
            domain = new EmailDomain(address.substring(at + 1));
        } catch (IllegalArgumentException e) {
            throw InvalidValueException.coded("directory.error.email.format");
        }
        return new EmailAddress(address.substring(0, at), domain);
    }

    public String value() {
        return localPart + "@" + domain.value();
    }

    @Override
    public String toString() {
        return value();
    }
}
