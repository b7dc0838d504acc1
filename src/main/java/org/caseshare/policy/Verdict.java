package org.caseshare.policy;

/**
 * What the policy says about one channel. Declared from least to most restrictive so that, when
 * several rules speak about the same channel, the most restrictive one wins.
 */
public enum Verdict {
    ALLOWED("Allowed"),
    ALLOWED_WITH_CONDITIONS("Allowed with conditions"),
    REFUSED("Refused");

    private final String displayName;

    Verdict(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public boolean allowsSharing() {
        return this != REFUSED;
    }

    public static Verdict mostRestrictive(Verdict a, Verdict b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }
}
