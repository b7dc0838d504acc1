package org.caseshare.policy.internal;

import java.util.Objects;
import org.caseshare.policy.Reason;

/**
 * One named rule of the policy: when a situation matches {@code when}, the effect {@code then}
 * applies to its channels, and the rule gives its {@code reason}.
 */
public record Rule(Reason reason, RuleCondition when, RuleEffect then) {

    public Rule {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(then, "then");
    }

    public String id() {
        return reason.ruleId();
    }

    public boolean appliesTo(SituationFacts facts) {
        return when.matches(facts);
    }
}
