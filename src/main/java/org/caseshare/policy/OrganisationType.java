package org.caseshare.policy;

/** The kind of organisation at either end of a share; some routes between them are not secure. */
public enum OrganisationType {
    COUNCIL("Council"),
    SCHOOL("School or setting"),
    HEALTH("Health"),
    POLICE("Police"),
    VOLUNTARY("Voluntary organisation"),
    OTHER("Other organisation");

    private final String displayName;

    OrganisationType(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
