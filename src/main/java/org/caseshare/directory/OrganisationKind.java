package org.caseshare.directory;

/** What sort of body an organisation is; the policy can treat, say, schools differently from health. */
public enum OrganisationKind {
    COUNCIL("Council"),
    SCHOOL("School or early years setting"),
    HEALTH("Health"),
    SOCIAL_CARE("Social care"),
    POLICE("Police"),
    VOLUNTARY("Voluntary or community sector"),
    OTHER("Other");

    private final String label;

    OrganisationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
