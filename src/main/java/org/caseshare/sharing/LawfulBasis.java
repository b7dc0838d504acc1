package org.caseshare.sharing;

/** UK GDPR Article 6(1) bases. Consent is not the default basis for safeguarding (REFERENCES). */
public enum LawfulBasis {
    PUBLIC_TASK("Public task (Art. 6(1)(e))"),
    LEGAL_OBLIGATION("Legal obligation (Art. 6(1)(c))"),
    VITAL_INTERESTS("Vital interests (Art. 6(1)(d))"),
    CONSENT("Consent (Art. 6(1)(a))"),
    CONTRACT("Contract (Art. 6(1)(b))"),
    LEGITIMATE_INTERESTS("Legitimate interests (Art. 6(1)(f))");

    private final String displayName;

    LawfulBasis(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
