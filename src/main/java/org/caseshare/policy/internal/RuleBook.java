package org.caseshare.policy.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.caseshare.policy.Assessment;
import org.caseshare.policy.Authoriser;
import org.caseshare.policy.Channel;
import org.caseshare.policy.ChannelOutcome;
import org.caseshare.policy.InformationCategory;
import org.caseshare.policy.RetentionSchedule;
import org.caseshare.policy.Marking;
import org.caseshare.policy.MarkingMapping;
import org.caseshare.policy.OrganisationType;
import org.caseshare.policy.PolicyVersion;
import org.caseshare.policy.Reason;
import org.caseshare.policy.Safeguard;
import org.caseshare.policy.SharingSituation;
import org.caseshare.policy.Urgency;
import org.caseshare.policy.Verdict;

/**
 * Applies the rules of a policy to a situation. Every rule that matches speaks about its channels;
 * for each channel the most restrictive verdict and the most senior authoriser win, and conditions,
 * advice and reasons add up, so the order of rules in the file never changes an answer.
 */
public final class RuleBook {

    /** Given when no rule speaks about a channel: what is not allowed is refused. */
    static final Reason NO_RULE_ALLOWS = new Reason("policy.no-rule-allows",
            "No rule in this policy allows this channel for this situation, so it is refused.",
            Reason.Source.GUIDE, "If you are unsure of how to share information securely you should"
                    + " consult your manager or information security officer.");

    private final PolicySettings settings;
    private final List<Safeguard> safeguards;
    private final Map<String, Safeguard> safeguardsById;
    private final List<Rule> rules;

    public RuleBook(PolicySettings settings, List<Safeguard> safeguards, List<Rule> rules) {
        this.settings = settings;
        this.safeguards = List.copyOf(safeguards);
        Map<String, Safeguard> byId = new LinkedHashMap<>();
        this.safeguards.forEach(s -> {
            if (byId.put(s.id(), s) != null) {
                throw new IllegalArgumentException("duplicate safeguard id " + s.id());
            }
        });
        this.safeguardsById = Collections.unmodifiableMap(byId);
        this.rules = List.copyOf(rules);
        for (Rule rule : this.rules) {
            rule.then().conditionIds().forEach(id -> {
                if (!byId.containsKey(id)) {
                    throw new IllegalArgumentException("rule " + rule.id() + " names unknown safeguard " + id);
                }
            });
        }
    }

    public PolicySettings settings() {
        return settings;
    }

    public List<Safeguard> safeguards() {
        return safeguards;
    }

    public Optional<Safeguard> safeguard(String id) {
        return Optional.ofNullable(safeguardsById.get(id));
    }

    public List<Rule> rules() {
        return rules;
    }

    public SituationFacts factsOf(SharingSituation situation) {
        return facts(settings, situation.marking(), situation.urgency(), situation.categories(),
                situation.sender(), situation.recipient(), situation.recordCount() >= settings.bulkFromRecords());
    }

    /** The facts rules compare, for any combination of values (also used to find dead rules). */
    public static SituationFacts facts(PolicySettings settings, Marking marking, Urgency urgency,
            Set<InformationCategory> categories, OrganisationType sender, OrganisationType recipient,
            boolean bulk) {
        return new SituationFacts(marking, handledAs(settings, marking, categories), urgency, categories,
                sender, recipient, bulk);
    }

    /** The classification whose handling applies: the marking's mapping, raised by sensitive kinds of information. */
    static Marking handledAs(PolicySettings settings, Marking marking, Set<InformationCategory> categories) {
        Marking handledAs = marking.mapping().handledAs();
        // Some kinds of information are sensitive whatever the document says: raise, never lower.
        if (handledAs == Marking.OFFICIAL
                && !Collections.disjoint(categories, settings.handleAsOfficialSensitive())) {
            return Marking.OFFICIAL_SENSITIVE;
        }
        return handledAs;
    }

    public Assessment assess(SharingSituation situation, PolicyVersion version) {
        SituationFacts facts = factsOf(situation);
        Map<Channel, OutcomeDraft> drafts = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            drafts.put(channel, new OutcomeDraft());
        }
        for (Rule rule : rules) {
            if (rule.appliesTo(facts)) {
                rule.then().channels().forEach(c -> drafts.get(c).apply(rule));
            }
        }
        List<ChannelOutcome> outcomes = new ArrayList<>();
        drafts.forEach((channel, draft) -> outcomes.add(draft.toOutcome(channel)));
        boolean minimalRecordFirst = outcomes.stream().anyMatch(ChannelOutcome::minimalRecordFirst);
        MarkingMapping mapping = situation.marking().mapping();
        return new Assessment(situation, version, mapping, facts.handledAs(), outcomes,
                minimalRecordFirst ? Optional.of(settings.fullRecordDueAfterEmergency()) : Optional.empty());
    }

    /** What the matching rules have said so far about one channel. */
    private final class OutcomeDraft {
        private Verdict verdict;
        private Authoriser authoriser;
        private final Set<String> conditionIds = new LinkedHashSet<>();
        private final Set<String> advice = new LinkedHashSet<>();
        private final List<Reason> reasons = new ArrayList<>();
        private boolean minimalRecordFirst;

        void apply(Rule rule) {
            RuleEffect effect = rule.then();
            verdict = Verdict.mostRestrictive(verdict, effect.verdict());
            authoriser = Authoriser.mostSenior(authoriser, effect.authoriser().orElse(null));
            conditionIds.addAll(effect.conditionIds());
            effect.advice().ifPresent(advice::add);
            reasons.add(rule.reason());
            minimalRecordFirst |= effect.minimalRecordFirst();
        }

        ChannelOutcome toOutcome(Channel channel) {
            if (verdict == null) {
                return new ChannelOutcome(channel, Verdict.REFUSED, List.of(), List.of(),
                        Optional.empty(), List.of(), List.of(NO_RULE_ALLOWS), false);
            }
            if (verdict == Verdict.REFUSED) {
                // A refusal is final: no checklist, and an emergency does not reopen it.
                return new ChannelOutcome(channel, verdict, List.of(), List.of(),
                        Optional.ofNullable(authoriser), List.copyOf(advice), reasons, false);
            }
            List<Safeguard> checklist = safeguards.stream()
                    .filter(s -> s.channels().contains(channel) || conditionIds.contains(s.id()))
                    .toList();
            List<Safeguard> conditions = checklist.stream()
                    .filter(s -> conditionIds.contains(s.id())).toList();
            return new ChannelOutcome(channel, verdict, checklist, conditions,
                    Optional.ofNullable(authoriser), List.copyOf(advice), reasons, minimalRecordFirst);
        }
    }

    /** Settings of a policy that are not rules. */
    public record PolicySettings(Duration fullRecordDueAfterEmergency, int bulkFromRecords,
            Set<InformationCategory> handleAsOfficialSensitive, RetentionSchedule retention) {

        public PolicySettings {
            if (fullRecordDueAfterEmergency == null || fullRecordDueAfterEmergency.isNegative()
                    || fullRecordDueAfterEmergency.isZero()) {
                throw new IllegalArgumentException("the full record must be due after a positive time");
            }
            if (bulkFromRecords < 2) {
                throw new IllegalArgumentException("bulk starts at 2 records or more");
            }
            handleAsOfficialSensitive = Set.copyOf(handleAsOfficialSensitive);
            Objects.requireNonNull(retention);
        }
    }
}
