package org.caseshare.sharing;

import java.util.Map;

import org.caseshare.system.Actor;

/** Plain English for each line of a record's timeline; the stored action names stay as they are. */
final class TimelineLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("created", "Recorded"),
            Map.entry("changed", "Decision changed"),
            Map.entry("authorised", "Authorised"),
            Map.entry("refused", "Refused by the authoriser"),
            Map.entry("safeguard-confirmed", "Safeguard confirmed"),
            Map.entry("caller-verified", "Actor verified by calling back"),
            Map.entry("caller-not-verified", "Actor could not be verified"),
            Map.entry("shared", "Shared"),
            Map.entry("receipt-confirmed", "Receipt confirmed"),
            Map.entry("closed", "Closed"),
            Map.entry("declined", "Not shared"),
            Map.entry("cancelled", "Cancelled"),
            Map.entry("full-record-completed", "Full record completed"));

    private TimelineLabels() {
    }

    static String label(String action) {
        return LABELS.getOrDefault(action, action);
    }
}
