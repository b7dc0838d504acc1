package org.caseshare.policy.internal;

import java.util.Objects;
import org.caseshare.policy.Reason;

/**
 * One named rule of the policy: when a situation matches {@code when}, the effect {@code then}
 * applies to its channels, and the rule gives its reason.
 */
public record Rule(String id, String because, Reason.Source source, String passage,
        RuleCondition when, RuleEffect then) {

    public Rule {
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(then, "then");
        reason(id, because, source, passage); // validates the wording early
    }

    public Reason reason() {
        return reason(id, because, source, passage);
    }

    private static Reason reason(String id, String because, Reason.Source source, String passage) {
        return new Reason(id, because, source, passage);
    }

    public boolean appliesTo(SituationFacts facts) {
        return when.matches(facts);
    }
}
