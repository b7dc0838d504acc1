package org.caseshare.sharing;

/** The decision on a share or a request (ICO data sharing code; DfE advice). */
public enum Decision {
    SHARE("Share"),
    SHARE_IN_PART("Share in part"),
    DO_NOT_SHARE("Do not share"),
    DEFER("Defer");

    private final String displayName;

    Decision(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public boolean shares() {
        return this == SHARE || this == SHARE_IN_PART;
    }
}
