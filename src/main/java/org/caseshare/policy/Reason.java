package org.caseshare.policy;

import java.util.Objects;

/**
 * Why an outcome is what it is: the rule that produced it and the passage it rests on, so a
 * practitioner, a manager or an auditor can check the decision against its source.
 *
 * @param ruleId id of the rule in the policy file
 * @param because the rule's explanation in plain English
 * @param source which document the passage comes from
 * @param passage the passage, quoted from the guide or summarised from the reference
 */
public record Reason(String ruleId, String because, Source source, String passage) {

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
    }
}
