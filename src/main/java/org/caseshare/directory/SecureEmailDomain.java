package org.caseshare.directory;

import java.util.Objects;

/**
 * A mail domain the organisation's staff use, and whether mail to it counts as secure. Personal
 * webmail and the domains the guide calls not secure (GCSX) are refused by {@link Directory}.
 */
public record SecureEmailDomain(EmailDomain domain, boolean secure) implements ContactDetails {

    public SecureEmailDomain {
        Objects.requireNonNull(domain);
    }

    @Override
    public ContactPointKind kind() {
        return ContactPointKind.EMAIL_DOMAIN;
    }

    @Override
    public String summary() {
        return domain.value() + (secure ? " (secure)" : " (not secure)");
    }
}
