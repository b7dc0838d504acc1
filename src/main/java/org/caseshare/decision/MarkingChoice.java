package org.caseshare.decision;

import java.util.ArrayList;
import java.util.List;

import org.caseshare.policy.Marking;

/**
 * A choice in a page's list of protective markings, "How should I share this?" and the share form
 * alike: OFFICIAL-SENSITIVE appears once per descriptor ({@code OFFICIAL_SENSITIVE:PERSONAL}), so one
 * choice answers both questions, and the old markings say they are old.
 */
public record MarkingChoice(String value, String label, boolean legacy) {

    public static List<MarkingChoice> all() {
        List<MarkingChoice> options = new ArrayList<>();
        for (Marking marking : Marking.values()) {
            options.add(new MarkingChoice(marking.name(), marking.label(), marking.isLegacy()));
            if (marking == Marking.OFFICIAL_SENSITIVE) {
                for (Marking.Descriptor descriptor : Marking.Descriptor.values()) {
                    options.add(new MarkingChoice(marking.name() + ":" + descriptor.name(), marking.label() + " [" + descriptor.name() + "]", false));
                }
            }
        }
        return options;
    }
}
