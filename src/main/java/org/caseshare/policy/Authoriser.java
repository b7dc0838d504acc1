package org.caseshare.policy;

/**
 * Who must authorise a share before it happens (or, for a refusal, who the case is routed to).
 * Declared from least to most senior so that combining rules keeps the most senior.
 */
public enum Authoriser {
    MANAGER("Manager"),
    INFORMATION_SECURITY_OFFICER("Information security officer");

    private final String displayName;

    Authoriser(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The more senior of the two, so no rule's demand for authorisation is ever lost. */
    public static Authoriser mostSenior(Authoriser a, Authoriser b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }
}
