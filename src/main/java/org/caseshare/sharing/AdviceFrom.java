package org.caseshare.sharing;

/** Who advice was sought from: a role, never a named person. */
public enum AdviceFrom {
    NONE("No advice sought"),
    MANAGER("Manager"),
    INFORMATION_GOVERNANCE("Information governance"),
    DATA_PROTECTION_OFFICER("Data protection officer"),
    CALDICOTT_GUARDIAN("Caldicott Guardian");

    private final String displayName;

    AdviceFrom(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
