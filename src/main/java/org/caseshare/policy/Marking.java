package org.caseshare.policy;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A protective marking: the guide's Government Protective Marking System (GPMS, replaced in April
 * 2014) and the Government Security Classifications that replaced it. Both are kept because old
 * documents still carry the old words; {@link #mapping()} says how an old marking is handled today.
 */
public enum Marking {
    OFFICIAL("OFFICIAL", false, 1,
            "Routine public-sector business, including almost all personal data. Handle with care and"
                    + " share only with those who need it, using the channel safeguards."),
    OFFICIAL_SENSITIVE("OFFICIAL-SENSITIVE", false, 2,
            "OFFICIAL information whose loss or misuse would be particularly damaging, so access is"
                    + " strictly need-to-know. Mark it at the top and bottom of every page and at the"
                    + " start of email subjects; encrypt it in transit."),
    SECRET("SECRET", false, 3,
            "Loss could threaten life directly or seriously damage national security. Outside this"
                    + " service: do not share it here, contact your information security officer."),
    TOP_SECRET("TOP SECRET", false, 4,
            "Loss could cause exceptionally grave damage. Outside this service: do not share it here,"
                    + " contact your information security officer."),
    NOT_PROTECTIVELY_MARKED("NOT PROTECTIVELY MARKED", true, 0,
            "Old marking (GPMS) for information whose loss would cause no real harm. Today: OFFICIAL."),
    PROTECT("PROTECT", true, 0,
            "Old marking (GPMS) for information whose loss could cause distress or embarrassment; most"
                    + " routine personal data carried it. Today: OFFICIAL, after a check."),
    RESTRICTED("RESTRICTED", true, 0,
            "Old marking (GPMS) for information whose loss could cause substantial distress or harm an"
                    + " investigation. Today: OFFICIAL, or OFFICIAL-SENSITIVE [PERSONAL] where"
                    + " need-to-know applies; handled as OFFICIAL-SENSITIVE until reviewed."),
    CONFIDENTIAL("CONFIDENTIAL", true, 0,
            "Old marking (GPMS) for information whose loss could endanger someone's safety. Today:"
                    + " OFFICIAL-SENSITIVE or SECRET, decided by a review; never lowered automatically.");

    /** Handling caveats that may follow OFFICIAL-SENSITIVE, e.g. "OFFICIAL-SENSITIVE [PERSONAL]". */
    public enum Descriptor {
        PERSONAL("Particularly sensitive information about an identifiable person."),
        COMMERCIAL("Commercial information whose release could harm a supplier or the organisation."),
        LOCSEN("Locally sensitive: information a local community or council would find sensitive.");

        private final String meaning;

        Descriptor(String meaning) {
            this.meaning = meaning;
        }

        public String meaning() {
            return meaning;
        }
    }

    private final String label;
    private final boolean legacy;
    // Only current markings are ranked; a legacy marking is ranked through its mapping.
    private final int sensitivity;
    private final String implications;

    Marking(String label, boolean legacy, int sensitivity, String implications) {
        this.label = label;
        this.legacy = legacy;
        this.sensitivity = sensitivity;
        this.implications = implications;
    }

    /** The marking exactly as printed on a document, e.g. "OFFICIAL-SENSITIVE". */
    public String label() {
        return label;
    }

    /** True for GPMS words no longer in use (SECRET and TOP SECRET exist in both schemes). */
    public boolean isLegacy() {
        return legacy;
    }

    /** SECRET and above: never shared through this service. */
    public boolean isOutOfScope() {
        return !legacy && sensitivity >= SECRET.sensitivity;
    }

    /** Rank of a current marking (OFFICIAL 1 … TOP SECRET 4); 0 for legacy markings. */
    public int sensitivity() {
        return sensitivity;
    }

    public String implications() {
        return implications;
    }

    /**
     * How this marking is handled under today's classifications. There is no one-to-one mapping,
     * so a legacy marking is handled at the highest tier it could plausibly mean and flagged for
     * review; if it could mean something out of scope, the information security officer reviews.
     */
    public MarkingMapping mapping() {
        return Mappings.BY_MARKING.get(this);
    }

    /** Built once: the rules ask for a mapping for every situation they weigh. */
    private static final class Mappings {
        private static final java.util.Map<Marking, MarkingMapping> BY_MARKING = build();

        private static java.util.Map<Marking, MarkingMapping> build() {
            java.util.Map<Marking, MarkingMapping> all = new java.util.EnumMap<>(Marking.class);
            for (Marking marking : values()) {
                all.put(marking, marking.computeMapping());
            }
            return java.util.Collections.unmodifiableMap(all);
        }
    }

    private MarkingMapping computeMapping() {
        return switch (this) {
            case OFFICIAL, OFFICIAL_SENSITIVE, SECRET, TOP_SECRET -> new MarkingMapping(this, this,
                    Set.of(this), false, Optional.empty(), "A current classification: no mapping needed.");
            case NOT_PROTECTIVELY_MARKED -> new MarkingMapping(this, OFFICIAL, Set.of(OFFICIAL), true,
                    Optional.empty(), "NOT PROTECTIVELY MARKED is the old default tier: handle as"
                    + " OFFICIAL and review the classification.");
            case PROTECT -> new MarkingMapping(this, OFFICIAL, Set.of(OFFICIAL), true, Optional.empty(),
                    "PROTECT covered almost all routine personal data: handle as OFFICIAL and review"
                    + " the classification.");
            case RESTRICTED -> new MarkingMapping(this, OFFICIAL_SENSITIVE,
                    Set.of(OFFICIAL, OFFICIAL_SENSITIVE), true, Optional.empty(),
                    "RESTRICTED may be OFFICIAL or OFFICIAL-SENSITIVE [PERSONAL]: handle as"
                    + " OFFICIAL-SENSITIVE until a review shows it can be lower.");
            case CONFIDENTIAL -> new MarkingMapping(this, OFFICIAL_SENSITIVE,
                    Set.of(OFFICIAL_SENSITIVE, SECRET), true, Optional.of(Authoriser.INFORMATION_SECURITY_OFFICER),
                    "CONFIDENTIAL becomes OFFICIAL-SENSITIVE or SECRET only after the information"
                    + " security officer reviews it; it is never lowered automatically.");
        };
    }

    /**
     * Reads a marking as people write it: case, hyphens, underscores and spaces do not matter
     * ("official-sensitive", "OFFICIAL_SENSITIVE" and "Official Sensitive" are the same).
     */
    public static Optional<Marking> fromLabel(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = normalise(text);
        for (Marking marking : values()) {
            if (normalise(marking.label).equals(wanted) || normalise(marking.name()).equals(wanted)) {
                return Optional.of(marking);
            }
        }
        return Optional.empty();
    }

    private static String normalise(String text) {
        return text.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
    }
}
