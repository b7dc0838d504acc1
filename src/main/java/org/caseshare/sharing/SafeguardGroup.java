package org.caseshare.sharing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.caseshare.policy.Safeguard;

/**
 * Safeguards the guide states together, confirmed with one tick: on the telephone the practitioner
 * does the five call steps as one act, and tells the recipient the purpose, the limits of consent and
 * the care of further handling in one breath. The group is the safeguard id's prefix
 * ({@code telephone.}, {@code recipient.}); the tick still stamps each id with who and when.
 */
record SafeguardGroup(String key, String heading, List<Safeguard> safeguards) {

    private static final Map<String, String> HEADINGS = Map.of(
            "telephone", "On the call",
            "recipient", "What the recipient understands",
            "general", "How you decided",
            "marking", "The protective marking");

    /** The checklist's groups in the policy's order: a group appears where its first safeguard does. */
    static List<SafeguardGroup> of(List<Safeguard> safeguards) {
        Map<String, List<Safeguard>> byKey = new LinkedHashMap<>();
        for (Safeguard safeguard : safeguards) {
            byKey.computeIfAbsent(safeguard.id().substring(0, safeguard.id().indexOf('.')), k -> new ArrayList<>()).add(safeguard);
        }
        List<SafeguardGroup> groups = new ArrayList<>();
        byKey.forEach((key, members) -> groups.add(new SafeguardGroup(key, HEADINGS.getOrDefault(key,
                Character.toUpperCase(key.charAt(0)) + key.substring(1).replace('-', ' ')), List.copyOf(members))));
        return groups;
    }

    /** Whether every statement of the group is already confirmed on the record. */
    public boolean confirmedOn(SharingRecord record) {
        return safeguards.stream().allMatch(s -> record.confirmations().containsKey(s.id()));
    }

    /** The ids one tick stands for, as the checkbox sends them: separated by spaces. */
    public String value() {
        return String.join(" ", safeguards.stream().map(Safeguard::id).toList());
    }

    /**
     * On the form of a telephone share, the "On the call" tick also says the requester was called
     * back and confirmed: the call-back is the first of the call's steps, done in the same act.
     */
    public String valueWithCallBack() {
        return CALLED_BACK + " " + value();
    }

    /** Each ticked value split into its safeguard ids; a single id (the API, older pages) is a group of one. */
    static List<String> ids(List<String> ticked) {
        if (ticked == null) {
            return List.of();
        }
        // every safeguard id is section.name; the call-back word is not a safeguard
        return ticked.stream().flatMap(v -> List.of(v.strip().split("\\s+")).stream()).filter(id -> id.contains(".")).toList();
    }

    /** Whether the ticks include "I called them back and confirmed who they are". */
    static boolean calledBack(List<String> ticked) {
        return ticked != null && ticked.stream().anyMatch(v -> List.of(v.strip().split("\\s+")).contains(CALLED_BACK));
    }

    private static final String CALLED_BACK = "called-back";
}
