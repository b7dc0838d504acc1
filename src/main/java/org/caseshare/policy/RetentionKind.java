package org.caseshare.policy;

/** The kinds of record a retention rule speaks about, as the policy file spells them. */
public enum RetentionKind {
    SHARE("share", "Share"),
    DECISION_NOT_TO_SHARE("decision-not-to-share", "Decision not to share"),
    REQUEST_RECEIVED("request-received", "Request received"),
    INCIDENT("incident", "Incident"),
    CUSTODY("custody", "Custody record"),
    HUB_PACKAGE("hub-package", "Secure hub package");

    private final String spelling;
    private final String displayName;

    RetentionKind(String spelling, String displayName) {
        this.spelling = spelling;
        this.displayName = displayName;
    }

    /** How the policy file writes it. */
    public String spelling() {
        return spelling;
    }

    public String displayName() {
        return displayName;
    }
}
