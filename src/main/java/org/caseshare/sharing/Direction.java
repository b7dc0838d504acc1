package org.caseshare.sharing;

/** Which way the information goes. */
public enum Direction {
    WE_SHARE("We share"),
    REQUEST_RECEIVED("Request received"),
    REQUEST_MADE("Request made");

    private final String displayName;

    Direction(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
