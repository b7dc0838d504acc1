package org.caseshare.policy;

import java.time.Period;
import java.util.EnumMap;
import java.util.Map;

/**
 * The policy's retention rules, one per {@link RetentionKind}. A kind the policy file leaves out
 * keeps its default, so a policy written before retention existed still loads and still protects.
 */
public record RetentionSchedule(Map<RetentionKind, RetentionRule> rules) {

    public RetentionSchedule {
        Map<RetentionKind, RetentionRule> all = new EnumMap<>(RetentionKind.class);
        all.putAll(defaults());
        all.putAll(rules);
        rules = Map.copyOf(all);
    }

    public RetentionRule rule(RetentionKind kind) {
        return rules.get(kind);
    }

    /**
     * The defaults, with the reasons in default-policy.yaml: six years after closure for every
     * register record, 90 days for the copy of files left on the hub; always with a DPO's approval.
     */
    public static Map<RetentionKind, RetentionRule> defaults() {
        Map<RetentionKind, RetentionRule> defaults = new EnumMap<>(RetentionKind.class);
        for (RetentionKind kind : RetentionKind.values()) {
            Period keep = kind == RetentionKind.HUB_PACKAGE ? Period.ofDays(90) : Period.ofYears(6);
            defaults.put(kind, new RetentionRule(kind, keep, false));
        }
        return defaults;
    }
}
