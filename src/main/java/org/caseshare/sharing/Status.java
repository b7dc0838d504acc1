package org.caseshare.sharing;

/** Where a record is in its lifecycle; only {@link SharingRecord}'s verbs move it. */
public enum Status {
    READY("Ready to share", false),
    AWAITING_AUTHORISATION("Awaiting authorisation", false),
    AUTHORISED("Authorised", false),
    SHARED("Shared", false),
    RECEIPT_CONFIRMED("Receipt confirmed", false),
    CLOSED("Closed", true),
    REFUSED("Refused by the authoriser", true),
    DECLINED("Not shared", true),
    CANCELLED("Cancelled", true);

    private final String displayName;
    private final boolean terminal;

    Status(String displayName, boolean terminal) {
        this.displayName = displayName;
        this.terminal = terminal;
    }

    public String displayName() {
        return displayName;
    }

    public boolean terminal() {
        return terminal;
    }

    /** Before anything has gone out: the decision can still be changed, authorised or declined. */
    public boolean beforeSharing() {
        return this == READY || this == AWAITING_AUTHORISATION || this == AUTHORISED;
    }
}
