package org.caseshare.directory;

/**
 * What a contact point says. Each kind is a record that validates itself in its constructor; the
 * mail-domain rules that depend on configuration are checked by {@link Directory} before saving.
 */
public sealed interface ContactDetails permits Switchboard, SecureEmailDomain, FaxNumber, PostalAddress, NamedContact {

    ContactPointKind kind();

    /** One line for lists and the audit-free summary on pages. */
    String summary();
}
