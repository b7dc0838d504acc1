package org.caseshare.sharing;

/** One line of a record's timeline, as shown on its page. */
public record TimelineEvent(String action, Stamp by, String note) {

    /** The action in plain English, such as "Safeguard confirmed" for {@code safeguard-confirmed}. */
    public String label() {
        return TimelineLabels.label(action);
    }
}
