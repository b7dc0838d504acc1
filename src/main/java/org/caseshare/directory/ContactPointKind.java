package org.caseshare.directory;

/** The ways of reaching an organisation that the guide asks practitioners to check. */
public enum ContactPointKind {
    SWITCHBOARD("Switchboard telephone number", "Switchboard telephone numbers"),
    EMAIL_DOMAIN("Email domain", "Email domains"),
    FAX("Fax number", "Fax numbers"),
    ADDRESS("Postal address", "Postal addresses"),
    CONTACT("Named contact", "Named contacts");

    private final String label;
    private final String heading;

    ContactPointKind(String label, String heading) {
        this.label = label;
        this.heading = heading;
    }

    public String heading() {
        return heading;
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
