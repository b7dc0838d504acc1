package org.caseshare.policy;

/** How quickly the information is needed; the guide asks for it to be weighed with sensitivity. */
public enum Urgency {
    ROUTINE("Routine", "No risk from waiting for the safest channel and the full record."),
    URGENT("Urgent", "Needed today; choose a channel that arrives in time, still with every safeguard."),
    EMERGENCY("Emergency", "Risk to life or serious harm: share first with a minimal record, "
            + "then complete the full record within the time the policy sets.");

    private final String displayName;
    private final String meaning;

    Urgency(String displayName, String meaning) {
        this.displayName = displayName;
        this.meaning = meaning;
    }

    public String displayName() {
        return displayName;
    }

    public String meaning() {
        return meaning;
    }
}
