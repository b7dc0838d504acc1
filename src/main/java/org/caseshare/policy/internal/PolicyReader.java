package org.caseshare.policy.internal;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseshare.policy.Channel;
import org.caseshare.policy.InformationCategory;
import org.caseshare.policy.PolicyError;
import org.caseshare.policy.RetentionSchedule;
import org.caseshare.policy.Safeguard;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns the text of a policy file into a {@link RuleBook}, or into the list of everything wrong with
 * it. SnakeYAML's compose step is used rather than binding to objects so that every value keeps its
 * line and column, and so no YAML tag can ever instantiate a class.
 */
public final class PolicyReader {

    /** What a policy file says, once it is known to be valid. */
    public record Definition(int version, String title, Optional<String> titleWelsh, RuleBook ruleBook) {
    }

    /** Either a definition or errors, sorted by position. */
    public record Outcome(Optional<Definition> definition, List<PolicyError> errors) {
    }

    private static final int MAX_POLICY_CHARS = 1_000_000;

    private final YamlFields yaml = new YamlFields();

    private PolicyReader() {
    }

    public static Outcome read(String text) {
        return new PolicyReader().readText(text);
    }

    private Outcome readText(String text) {
        Node root = compose(text);
        if (root == null) {
            return failed();
        }
        Map<String, Node> f = yaml.fields(root, Phrase.THE_POLICY,
                Set.of("version", "title", "full-record-due-after-emergency", "bulk-from-records",
                        "safeguards", "rules"),
                Set.of("handle-as-official-sensitive", "retention", "title-cy"));
        Optional<Integer> version = Optional.ofNullable(f.get("version")).flatMap(n -> yaml.integer(n, Phrase.key("version"), 1));
        Optional<String> title = Optional.ofNullable(f.get("title")).flatMap(n -> yaml.text(n, Phrase.key("title")));
        Optional<String> titleWelsh = Optional.ofNullable(f.get("title-cy")).flatMap(n -> yaml.text(n, Phrase.key("title-cy")));
        Optional<RuleBook.PolicySettings> settings = settings(f);
        List<Safeguard> safeguards = f.containsKey("safeguards") ? safeguards(f.get("safeguards")) : List.of();
        Set<String> safeguardIds = new HashSet<>();
        safeguards.forEach(s -> safeguardIds.add(s.id()));
        List<Rule> rules = List.of();
        if (f.containsKey("rules") && settings.isPresent()) {
            rules = new RuleReader(yaml, safeguardIds, settings.get()).read(f.get("rules"));
        }
        if (yaml.hasErrors()) {
            return failed();
        }
        // Nothing is built until the whole file has been checked: no half-applied policy.
        RuleBook ruleBook = new RuleBook(settings.get(), safeguards, rules);
        return new Outcome(Optional.of(new Definition(version.get(), title.get(), titleWelsh, ruleBook)), List.of());
    }

    private Node compose(String text) {
        if (text.length() > MAX_POLICY_CHARS) {
            yaml.errors().add(PolicyError.coded(1, 1, "the policy file is larger than "
                    + MAX_POLICY_CHARS + " characters", "decision.policy-error.too-large", MAX_POLICY_CHARS));
            return null;
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(MAX_POLICY_CHARS * 4);
        try {
            Node root = new Yaml(options).compose(new StringReader(text));
            if (root == null) {
                yaml.errors().add(PolicyError.coded(1, 1, "the policy file is empty", "decision.policy-error.file-empty"));
            }
            return root;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " " + e.getContext() : "";
            if (mark != null) {
                yaml.error(mark, "the file is not valid YAML: " + problem + context, "decision.policy-error.not-yaml", problem + context);
            } else {
                yaml.errors().add(PolicyError.coded(1, 1, "the file is not valid YAML: " + problem + context,
                        "decision.policy-error.not-yaml", problem + context));
            }
        } catch (YAMLException e) {
            yaml.errors().add(PolicyError.coded(1, 1, "the file is not valid YAML: " + e.getMessage(),
                    "decision.policy-error.not-yaml", String.valueOf(e.getMessage())));
        }
        return null;
    }

    private Optional<RuleBook.PolicySettings> settings(Map<String, Node> f) {
        Optional<Duration> due = Optional.ofNullable(f.get("full-record-due-after-emergency"))
                .flatMap(this::positiveDuration);
        Optional<Integer> bulkFrom = Optional.ofNullable(f.get("bulk-from-records"))
                .flatMap(n -> yaml.integer(n, Phrase.key("bulk-from-records"), 2));
        Set<InformationCategory> raise = EnumSet.noneOf(InformationCategory.class);
        Node raiseNode = f.get("handle-as-official-sensitive");
        if (raiseNode != null) {
            raise.addAll(yaml.names(raiseNode, Phrase.key("handle-as-official-sensitive"),
                    t -> YamlFields.lookup(InformationCategory.class, t), RuleReader.INFORMATION_CATEGORY,
                    YamlFields.spellings(InformationCategory.class)));
        }
        RetentionSchedule retention = f.containsKey("retention")
                ? new RetentionReader(yaml).read(f.get("retention")) : new RetentionSchedule(Map.of());
        if (due.isEmpty() || bulkFrom.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RuleBook.PolicySettings(due.get(), bulkFrom.get(), raise, retention));
    }

    private Optional<Duration> positiveDuration(Node node) {
        Optional<Duration> duration = node instanceof ScalarNode scalar
                ? DurationText.parse(scalar.getValue()) : Optional.empty();
        if (duration.isEmpty() || duration.get().isZero() || duration.get().isNegative()) {
            yaml.error(node, "full-record-due-after-emergency must be a length of time such as 24h,"
                    + " 2 days or PT24H", "decision.policy-error.emergency-due");
            return Optional.empty();
        }
        return duration;
    }

    private List<Safeguard> safeguards(Node node) {
        List<Safeguard> safeguards = new ArrayList<>();
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            yaml.error(node, "'safeguards' must be a list with at least one safeguard", "decision.policy-error.safeguards");
            return safeguards;
        }
        Map<String, Integer> firstLine = new HashMap<>();
        for (Node item : sequence.getValue()) {
            safeguard(item, firstLine).ifPresent(safeguards::add);
        }
        return safeguards;
    }

    private Optional<Safeguard> safeguard(Node node, Map<String, Integer> firstLine) {
        int errorsBefore = yaml.errors().size();
        Map<String, Node> f = yaml.fields(node, Phrase.A_SAFEGUARD, Set.of("id", "text"),
                Set.of("channels", "guide", "reference", "text-cy"));
        String id = Optional.ofNullable(f.get("id")).flatMap(n -> yaml.text(n, Phrase.A_SAFEGUARDS_ID)).orElse("?");
        Phrase what = Phrase.safeguard(id);
        if (f.containsKey("id")) {
            Node idNode = f.get("id");
            if (!Safeguard.ID.matcher(id).matches()) {
                yaml.error(idNode, "safeguard id '" + id + "' must be 'section.name' in lower case,"
                        + " e.g. post.double-envelope", "decision.policy-error.safeguard-id", id);
            }
            Integer first = firstLine.putIfAbsent(id, idNode.getStartMark().getLine() + 1);
            if (first != null) {
                yaml.error(idNode, "duplicate safeguard id '" + id + "' (first used on line " + first + ")",
                        "decision.policy-error.safeguard-twice", id, String.valueOf(first));
            }
        }
        String text = Optional.ofNullable(f.get("text")).flatMap(n -> yaml.text(n, what.field("text"))).orElse(null);
        Optional<String> textWelsh = Optional.ofNullable(f.get("text-cy")).flatMap(n -> yaml.text(n, what.field("text-cy")));
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        Node channelsNode = f.get("channels");
        if (channelsNode instanceof ScalarNode s && s.getValue().strip().equalsIgnoreCase("all")) {
            channels = EnumSet.allOf(Channel.class);
        } else if (channelsNode != null) {
            channels.addAll(yaml.names(channelsNode, what.field("channels"),
                    t -> YamlFields.lookup(Channel.class, t), RuleReader.CHANNEL, YamlFields.spellings(Channel.class)));
        }
        List<String> quotes = new ArrayList<>();
        if (f.containsKey("guide")) {
            for (ScalarNode quote : yaml.items(f.get("guide"), what.field("guide"))) {
                if (quote.getValue().isBlank()) {
                    // An empty quote would "trace" to every bullet of the guide.
                    yaml.error(quote, what + ": a guide quote cannot be empty", "decision.policy-error.empty-quote", what.words());
                } else {
                    quotes.add(quote.getValue().strip());
                }
            }
        }
        Optional<String> reference = Optional.ofNullable(f.get("reference"))
                .flatMap(n -> yaml.text(n, what.field("reference")));
        if (!f.containsKey("guide") && !f.containsKey("reference")) {
            yaml.error(node, what + " must say where it comes from: 'guide' (a quote) or 'reference'",
                    "decision.policy-error.safeguard-source", what.words());
        }
        if (yaml.errors().size() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new Safeguard(id, text, channels, quotes, reference, textWelsh));
    }

    private Outcome failed() {
        List<PolicyError> sorted = new ArrayList<>(yaml.errors());
        sorted.sort(Comparator.comparingInt(PolicyError::line).thenComparingInt(PolicyError::column));
        return new Outcome(Optional.empty(), List.copyOf(sorted));
    }
}
