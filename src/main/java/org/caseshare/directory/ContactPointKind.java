package org.caseshare.directory;

/** The ways of reaching an organisation that the guide asks practitioners to check. */
public enum ContactPointKind {
    SWITCHBOARD("Switchboard telephone number"),
    EMAIL_DOMAIN("Email domain"),
    FAX("Fax number"),
    ADDRESS("Postal address"),
    CONTACT("Named contact");

    private final String label;

    ContactPointKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The path segment used in page addresses, e.g. {@code email-domain}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static ContactPointKind fromSlug(String slug) {
        for (ContactPointKind kind : values()) {
            if (kind.slug().equals(slug) || kind.name().equalsIgnoreCase(slug)) {
                return kind;
            }
        }
        throw new InvalidFieldException("kind", "Choose what kind of contact point to add");
    }
}
