package org.caseshare.policy;

/** The ways the guide describes for sharing personal information, in the guide's order. */
public enum Channel {
    TELEPHONE("Telephone"),
    BY_HAND("By hand"),
    POST("Post"),
    EMAIL("Email"),
    SECURE_HUB("Secure hub"),
    REMOVABLE_DEVICE("Removable electronic device"),
    FAX("Fax");

    private final String displayName;

    Channel(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
