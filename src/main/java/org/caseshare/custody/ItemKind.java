package org.caseshare.custody;

/** How the information leaves the site. */
public enum ItemKind {
    /** Paper, carried by hand (the guide's "by hand"; safeguard {@code hand.sealed-envelope}). */
    PAPER("Paper, by hand"),
    /** Electronic, on an approved removable device ({@code device.encrypted}, {@code device.delete-after-use}). */
    DEVICE("On a removable device");

    private final String displayName;

    ItemKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
