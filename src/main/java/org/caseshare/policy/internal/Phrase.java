package org.caseshare.policy.internal;

import org.caseshare.policy.PolicyError;

/**
 * Words an error is built from, such as what it is about ("rule 'baseline': when") or the kind of
 * value ("kind of organisation"): the English for the error's message, and what a page says instead
 * in the reader's language (a {@link PolicyError.Words}, or a field's name as written in the file,
 * which is the same in every language).
 */
record Phrase(String english, Object words) {

    static final Phrase THE_POLICY = of("the policy", "decision.policy-what.the-policy");
    static final Phrase A_SAFEGUARD = of("a safeguard", "decision.policy-what.a-safeguard");
    static final Phrase A_SAFEGUARDS_ID = of("a safeguard's id", "decision.policy-what.a-safeguards-id");
    static final Phrase A_RULE = of("a rule", "decision.policy-what.a-rule");
    static final Phrase A_RULES_ID = of("a rule's id", "decision.policy-what.a-rules-id");

    /** A field of the policy file named as it is written, e.g. {@code bulk-from-records}. */
    static Phrase key(String name) {
        return new Phrase(name, name);
    }

    static Phrase safeguard(String id) {
        return of("safeguard '" + id + "'", "decision.policy-what.safeguard", id);
    }

    static Phrase rule(String id) {
        return of("rule '" + id + "'", "decision.policy-what.rule", id);
    }

    static Phrase retentionOf(String kind) {
        return of("the retention of '" + kind + "'", "decision.policy-what.retention-of", kind);
    }

    /** A kind of value, e.g. "channel", in an error such as "unknown channel 'pigeon'". */
    static Phrase kind(String english, String code) {
        return of(english, "decision.policy-kind." + code);
    }

    /**
     * One of a safeguard's or a rule's fields, e.g. "rule 'baseline': then": the same words with
     * {@code -field} on the code and the field's name as its last argument.
     */
    Phrase field(String name) {
        PolicyError.Words these = (PolicyError.Words) words;
        Object[] args = these.args().toArray(new Object[these.args().size() + 1]);
        args[args.length - 1] = name;
        return new Phrase(english + ": " + name, PolicyError.Words.of(these.code() + "-field", args));
    }

    /** A rule's cited source, "rule 'baseline': its source". */
    Phrase itsSource() {
        PolicyError.Words these = (PolicyError.Words) words;
        return new Phrase(english + ": its source", new PolicyError.Words(these.code() + "-source", these.args()));
    }

    private static Phrase of(String english, String code, Object... args) {
        return new Phrase(english, PolicyError.Words.of(code, args));
    }

    @Override
    public String toString() {
        return english;
    }
}
