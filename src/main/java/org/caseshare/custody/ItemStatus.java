package org.caseshare.custody;

/** Where a custody item stands. Only OUT is open; the others close it for good. */
public enum ItemStatus {
    OUT("Off site"),
    RETURNED("Returned"),
    DISPOSED("Securely disposed of"),
    DELETED("Securely deleted");

    private final String displayName;

    ItemStatus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
