package org.caseshare.policy.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.caseshare.policy.Authoriser;
import org.caseshare.policy.Channel;
import org.caseshare.policy.InformationCategory;
import org.caseshare.policy.Marking;
import org.caseshare.policy.OrganisationType;
import org.caseshare.policy.Reason;
import org.caseshare.policy.Urgency;
import org.caseshare.policy.Verdict;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the {@code rules:} list of a policy file, reporting every mistake with its place. */
final class RuleReader {

    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final List<String> MARKINGS = Arrays.stream(Marking.values())
            .map(Marking::label).toList();

    static final Phrase MARKING = Phrase.kind("marking", "marking");
    static final Phrase URGENCY = Phrase.kind("urgency", "urgency");
    static final Phrase INFORMATION_CATEGORY = Phrase.kind("information category", "information-category");
    static final Phrase KIND_OF_ORGANISATION = Phrase.kind("kind of organisation", "kind-of-organisation");
    static final Phrase CHANNEL = Phrase.kind("channel", "channel");
    static final Phrase AUTHORISER = Phrase.kind("authoriser", "authoriser");
    static final Phrase OUTCOME = Phrase.kind("outcome", "outcome");

    private final YamlFields yaml;
    private final Set<String> safeguardIds;
    private final RuleBook.PolicySettings settings;
    private final Map<String, Integer> firstLineOfRule = new HashMap<>();

    RuleReader(YamlFields yaml, Set<String> safeguardIds, RuleBook.PolicySettings settings) {
        this.yaml = yaml;
        this.safeguardIds = safeguardIds;
        this.settings = settings;
    }

    List<Rule> read(Node node) {
        List<Rule> rules = new ArrayList<>();
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            yaml.error(node, "'rules' must be a list with at least one rule", "decision.policy-error.rules");
            return rules;
        }
        for (Node item : sequence.getValue()) {
            readRule(item).ifPresent(rules::add);
        }
        return rules;
    }

    private Optional<Rule> readRule(Node node) {
        int errorsBefore = yaml.errors().size();
        Map<String, Node> f = yaml.fields(node, Phrase.A_RULE, Set.of("id", "because", "then"),
                Set.of("guide", "reference", "when", "because-cy"));
        String id = Optional.ofNullable(f.get("id")).flatMap(n -> yaml.text(n, Phrase.A_RULES_ID)).orElse("?");
        Phrase what = Phrase.rule(id);
        if (f.containsKey("id")) {
            checkId(f.get("id"), id);
        }
        String because = Optional.ofNullable(f.get("because")).flatMap(n -> yaml.text(n, what.field("because")))
                .orElse(null);
        Optional<String> becauseWelsh = Optional.ofNullable(f.get("because-cy"))
                .flatMap(n -> yaml.text(n, what.field("because-cy")));
        Reason.Source source = null;
        String passage = null;
        if (f.containsKey("guide") == f.containsKey("reference")) {
            yaml.error(node, what + " must cite exactly one source: 'guide' (a quote) or 'reference'",
                    "decision.policy-error.rule-source", what.words());
        } else {
            source = f.containsKey("guide") ? Reason.Source.GUIDE : Reason.Source.REFERENCES;
            Node cited = f.containsKey("guide") ? f.get("guide") : f.get("reference");
            passage = yaml.text(cited, what.itsSource()).orElse(null);
        }
        RuleCondition when = f.containsKey("when") ? condition(f.get("when"), what) : matchAll();
        RuleEffect then = f.containsKey("then") ? effect(f.get("then"), what) : null;
        if (yaml.errors().size() > errorsBefore) {
            return Optional.empty();
        }
        if (!SituationSpace.anyMatches(settings, when)) {
            yaml.error(f.get("when"), what + " can never match: no situation meets all of its 'when'"
                    + " conditions together (compare 'between' with 'sender' and 'recipient', and"
                    + " 'marking' with the other conditions)", "decision.policy-error.never-matches", what.words());
            return Optional.empty();
        }
        return Optional.of(new Rule(new Reason(id, because, source, passage, becauseWelsh), when, then));
    }

    private void checkId(Node idNode, String id) {
        if (!RULE_ID.matcher(id).matches()) {
            yaml.error(idNode, "rule id '" + id + "' must be lower case words joined by hyphens", "decision.policy-error.rule-id", id);
        }
        int line = idNode.getStartMark().getLine() + 1;
        Integer first = firstLineOfRule.putIfAbsent(id, line);
        if (first != null) {
            yaml.error(idNode, "duplicate rule id '" + id + "' (first used on line " + first + ")",
                    "decision.policy-error.rule-twice", id, String.valueOf(first));
        }
    }

    private RuleCondition condition(Node node, Phrase what) {
        Map<String, Node> f = yaml.fields(node, what.field("when"), Set.of(),
                Set.of("marking", "urgency", "categories", "sender", "recipient", "between", "bulk"));
        Set<Marking> markings = EnumSet.copyOf(
                values(f, "marking", what, Marking.class, Marking::fromLabel, MARKING, MARKINGS));
        Set<Urgency> urgencies = EnumSet.copyOf(values(f, "urgency", what, Urgency.class,
                t -> YamlFields.lookup(Urgency.class, t), URGENCY, YamlFields.spellings(Urgency.class)));
        Set<InformationCategory> categories = EnumSet.copyOf(values(f, "categories", what,
                InformationCategory.class, t -> YamlFields.lookup(InformationCategory.class, t),
                INFORMATION_CATEGORY, YamlFields.spellings(InformationCategory.class)));
        Set<OrganisationType> senders = EnumSet.copyOf(organisations(f, "sender", what));
        Set<OrganisationType> recipients = EnumSet.copyOf(organisations(f, "recipient", what));
        Optional<RuleCondition.Between> between = Optional.empty();
        if (f.containsKey("between")) {
            List<OrganisationType> pair = organisations(f, "between", what);
            if (pair.size() == 2) {
                between = Optional.of(new RuleCondition.Between(pair.get(0), pair.get(1)));
            } else if (!pair.isEmpty()) {
                yaml.error(f.get("between"), what + ": 'between' needs exactly two kinds of organisation,"
                        + " one at each end, e.g. [council, school]", "decision.policy-error.between", what.words());
            }
        }
        Optional<Boolean> bulk = Optional.ofNullable(f.get("bulk")).flatMap(n -> yaml.yesNo(n, what.field("bulk")));
        return new RuleCondition(markings, urgencies, categories, senders, recipients, between, bulk);
    }

    private List<OrganisationType> organisations(Map<String, Node> f, String field, Phrase what) {
        return values(f, field, what, OrganisationType.class, t -> YamlFields.lookup(OrganisationType.class, t),
                KIND_OF_ORGANISATION, YamlFields.spellings(OrganisationType.class));
    }

    /** A condition's listed values; all values when the field is left out. */
    private <E extends Enum<E>> List<E> values(Map<String, Node> f, String field, Phrase what, Class<E> type,
            Function<String, Optional<E>> lookup, Phrase kind, List<String> expected) {
        Node node = f.get(field);
        if (node == null) {
            return List.of(type.getEnumConstants());
        }
        if (node instanceof SequenceNode sequence && sequence.getValue().isEmpty()) {
            yaml.error(node, what + " can never match: '" + field + "' lists nothing"
                    + " (leave the field out to match every " + kind + ")", "decision.policy-error.lists-nothing",
                    what.words(), field, kind.words());
            return List.of(type.getEnumConstants());
        }
        List<E> values = yaml.names(node, what.field(field), lookup, kind, expected);
        return values.isEmpty() ? List.of(type.getEnumConstants()) : values;
    }

    private RuleEffect effect(Node node, Phrase what) {
        Map<String, Node> f = yaml.fields(node, what.field("then"), Set.of("channels", "outcome"),
                Set.of("conditions", "authoriser", "advice", "advice-cy", "minimal-record-first"));
        Set<Channel> channels = f.containsKey("channels") ? channels(f.get("channels"), what)
                : EnumSet.allOf(Channel.class);
        Verdict verdict = Optional.ofNullable(f.get("outcome")).map(n -> verdict(n, what)).orElse(Verdict.REFUSED);
        List<String> conditions = new ArrayList<>();
        if (f.containsKey("conditions")) {
            for (ScalarNode item : yaml.items(f.get("conditions"), what.field("conditions"))) {
                if (safeguardIds.contains(item.getValue())) {
                    conditions.add(item.getValue());
                } else {
                    yaml.error(item, what + " names an unknown safeguard '" + item.getValue() + "'",
                            "decision.policy-error.unknown-safeguard", what.words(), item.getValue());
                }
            }
        }
        Optional<Authoriser> authoriser = Optional.ofNullable(f.get("authoriser")).flatMap(n -> yaml
                .name(n, what.field("authoriser"), t -> YamlFields.lookup(Authoriser.class, t), AUTHORISER,
                        YamlFields.spellings(Authoriser.class)));
        Optional<String> advice = Optional.ofNullable(f.get("advice")).flatMap(n -> yaml.text(n, what.field("advice")));
        boolean minimalRecordFirst = Optional.ofNullable(f.get("minimal-record-first"))
                .flatMap(n -> yaml.yesNo(n, what.field("minimal-record-first"))).orElse(false);
        checkConsistent(node, what, f, verdict, !conditions.isEmpty() || f.containsKey("conditions"),
                f.containsKey("authoriser"), minimalRecordFirst);
        Optional<String> adviceWelsh = Optional.ofNullable(f.get("advice-cy")).flatMap(n -> yaml.text(n, what.field("advice-cy")));
        return new RuleEffect(channels, verdict, conditions, authoriser, advice, minimalRecordFirst, adviceWelsh);
    }

    private Set<Channel> channels(Node node, Phrase what) {
        if (node instanceof ScalarNode scalar && scalar.getValue().strip().equalsIgnoreCase("all")) {
            return EnumSet.allOf(Channel.class);
        }
        if (node instanceof SequenceNode sequence && sequence.getValue().isEmpty()) {
            yaml.error(node, what + " speaks about no channel: list at least one, or write 'all'",
                    "decision.policy-error.no-channel", what.words());
            return EnumSet.allOf(Channel.class);
        }
        List<Channel> listed = yaml.names(node, what.field("channels"), t -> YamlFields.lookup(Channel.class, t),
                CHANNEL, YamlFields.spellings(Channel.class));
        return listed.isEmpty() ? EnumSet.allOf(Channel.class) : EnumSet.copyOf(listed);
    }

    private Verdict verdict(Node node, Phrase what) {
        return yaml.name(node, what.field("outcome"), t -> YamlFields.lookup(Verdict.class, t), OUTCOME,
                YamlFields.spellings(Verdict.class)).orElse(Verdict.REFUSED);
    }

    private void checkConsistent(Node node, Phrase what, Map<String, Node> f, Verdict verdict,
            boolean hasConditions, boolean hasAuthoriser, boolean minimalRecordFirst) {
        if (!f.containsKey("outcome")) {
            return;
        }
        switch (verdict) {
            case ALLOWED -> {
                if (hasConditions || hasAuthoriser) {
                    yaml.error(f.get("outcome"), what + " is 'allowed' but sets conditions or an authoriser:"
                            + " use 'allowed-with-conditions'", "decision.policy-error.allowed", what.words());
                }
            }
            case ALLOWED_WITH_CONDITIONS -> {
                if (!hasConditions && !hasAuthoriser) {
                    yaml.error(f.get("outcome"), what + " is 'allowed-with-conditions' but names no"
                            + " condition and no authoriser", "decision.policy-error.allowed-with-conditions", what.words());
                }
            }
            case REFUSED -> {
                if (hasConditions || minimalRecordFirst) {
                    yaml.error(f.get("outcome"), what + " is 'refused', so it cannot set conditions or"
                            + " allow a minimal record first", "decision.policy-error.refused", what.words());
                }
            }
        }
    }

    private static RuleCondition matchAll() {
        return new RuleCondition(EnumSet.allOf(Marking.class), EnumSet.allOf(Urgency.class),
                EnumSet.allOf(InformationCategory.class), EnumSet.allOf(OrganisationType.class),
                EnumSet.allOf(OrganisationType.class), Optional.empty(), Optional.empty());
    }
}
