package org.caseshare.policy;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Why an outcome is what it is: the rule that produced it and the passage it rests on, so a
 * practitioner, a manager or an auditor can check the decision against its source.
 *
 * @param ruleId id of the rule in the policy file
 * @param because the rule's explanation in plain English
 * @param source which document the passage comes from
 * @param passage the passage, quoted from the guide or summarised from the reference, never translated
 * @param becauseWelsh the explanation in Welsh ({@code because-cy}), shown on Welsh pages; optional
 */
public record Reason(String ruleId, String because, Source source, String passage, Optional<String> becauseWelsh) {

    public Reason(String ruleId, String because, Source source, String passage) {
        this(ruleId, because, source, passage, Optional.empty());
    }

    /** Where a rule's authority comes from. */
    public enum Source {
        /** The guide "How to share personal information securely, on a case-by-case basis". */
        GUIDE,
        /** The public references around the guide (markings, ICO code, DfE advice, Caldicott). */
        REFERENCES
    }

    public Reason {
        Objects.requireNonNull(source, "source");
        if (ruleId == null || ruleId.isBlank() || because == null || because.isBlank()
                || passage == null || passage.isBlank()) {
            throw new IllegalArgumentException("a reason needs a rule id, an explanation and a passage");
        }
        becauseWelsh = Objects.requireNonNull(becauseWelsh, "becauseWelsh").filter(t -> !t.isBlank());
    }

    /** The explanation in Welsh when Welsh is asked for and the policy has it, else in English. */
    public String becauseFor(Locale language) {
        return Welsh.wanted(language) ? becauseWelsh.orElse(because) : because;
    }
}
