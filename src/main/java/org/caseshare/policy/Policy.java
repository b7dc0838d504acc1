package org.caseshare.policy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.caseshare.policy.internal.Rule;
import org.caseshare.policy.internal.RuleBook;

/**
 * A complete, valid sharing policy: the safeguards of each channel and the rules that decide, for a
 * situation, which channels may be used and how. Immutable; obtain one from {@link PolicyLoader}.
 */
public final class Policy {

    private final PolicyVersion version;
    private final String title;
    private final Optional<String> titleWelsh;
    private final String text;
    private final RuleBook ruleBook;

    Policy(PolicyVersion version, String title, Optional<String> titleWelsh, String text, RuleBook ruleBook) {
        this.version = Objects.requireNonNull(version);
        this.title = Objects.requireNonNull(title);
        this.titleWelsh = Objects.requireNonNull(titleWelsh).filter(t -> !t.isBlank());
        this.text = Objects.requireNonNull(text);
        this.ruleBook = Objects.requireNonNull(ruleBook);
    }

    /** The policy's answer for a situation, with reasons for every channel. */
    public Assessment assess(SharingSituation situation) {
        return ruleBook.assess(Objects.requireNonNull(situation, "situation"), version);
    }

    public PolicyVersion version() {
        return version;
    }

    public String title() {
        return title;
    }

    /** The title in Welsh when Welsh is asked for and the policy has it ({@code title-cy}), else in English. */
    public String titleFor(Locale language) {
        return Welsh.wanted(language) ? titleWelsh.orElse(title) : title;
    }

    /**
     * A rule's advice (as an outcome carries it, in English) in the reader's language: the rule's
     * {@code advice-cy} on a Welsh page when it has one, else the advice as it is.
     */
    public String adviceFor(String advice, Locale language) {
        if (!Welsh.wanted(language)) {
            return advice;
        }
        return ruleBook.rules().stream().map(Rule::then)
                .filter(effect -> effect.advice().filter(advice::equals).isPresent() && effect.adviceWelsh().isPresent())
                .map(effect -> effect.adviceWelsh().get()).findFirst().orElse(advice);
    }

    /** The policy file exactly as loaded; its SHA-256 is {@code version().sha256()}. */
    public String text() {
        return text;
    }

    /** Every safeguard, in the order of the policy file. */
    public List<Safeguard> safeguards() {
        return ruleBook.safeguards();
    }

    public Optional<Safeguard> safeguard(String id) {
        return ruleBook.safeguard(id);
    }

    /** The safeguards always on a channel's checklist (rules may add more for a situation). */
    public List<Safeguard> safeguardsFor(Channel channel) {
        return ruleBook.safeguards().stream().filter(s -> s.channels().contains(channel)).toList();
    }

    /** The reason each rule gives when it applies, in the order of the policy file. */
    public List<Reason> ruleReasons() {
        return ruleBook.rules().stream().map(Rule::reason).toList();
    }

    /** How long after an emergency share the full record is due. */
    public Duration fullRecordDueAfterEmergency() {
        return ruleBook.settings().fullRecordDueAfterEmergency();
    }

    /** How long each kind of record is kept after closure, and who decides its deletion. */
    public RetentionSchedule retention() {
        return ruleBook.settings().retention();
    }

    /** From how many records a share counts as bulk. */
    public int bulkFromRecords() {
        return ruleBook.settings().bulkFromRecords();
    }

    /** Kinds of information handled as OFFICIAL-SENSITIVE even when marked OFFICIAL. */
    public Set<InformationCategory> handledAsOfficialSensitive() {
        return ruleBook.settings().handleAsOfficialSensitive();
    }

    @Override
    public String toString() {
        return title + " " + version.label();
    }
}
