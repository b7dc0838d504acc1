package org.caseshare.policy.internal;

import java.time.Period;
import java.util.EnumMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseshare.policy.RetentionKind;
import org.caseshare.policy.RetentionRule;
import org.caseshare.policy.RetentionSchedule;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the policy's {@code retention} section: per kind of record, {@code keep-for} (e.g. 6 years,
 * 18 months, 90 days) and {@code deletion} (approval or automatic).
 */
final class RetentionReader {

    private static final Pattern PERIOD = Pattern.compile("(\\d{1,4})\\s*(year|years|month|months|day|days)");

    private final YamlFields yaml;

    RetentionReader(YamlFields yaml) {
        this.yaml = yaml;
    }

    RetentionSchedule read(Node node) {
        Map<RetentionKind, RetentionRule> rules = new EnumMap<>(RetentionKind.class);
        if (!(node instanceof MappingNode mapping)) {
            yaml.error(node, "'retention' must be a set of 'kind: rule' fields", "decision.policy-error.retention");
            return new RetentionSchedule(rules);
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String name = tuple.getKeyNode() instanceof ScalarNode key ? key.getValue() : "";
            Optional<RetentionKind> kind = Arrays.stream(RetentionKind.values()).filter(k -> k.spelling().equals(name)).findFirst();
            if (kind.isEmpty()) {
                String expected = String.join(", ", Arrays.stream(RetentionKind.values()).map(RetentionKind::spelling).toList());
                yaml.error(tuple.getKeyNode(), "unknown kind of record '" + name + "' in retention; expected one of: " + expected,
                        "decision.policy-error.retention-kind", name, expected);
                continue;
            }
            if (rules.containsKey(kind.get())) {
                yaml.error(tuple.getKeyNode(), "retention for '" + name + "' appears twice", "decision.policy-error.retention-twice", name);
                continue;
            }
            rule(kind.get(), tuple.getValueNode()).ifPresent(rule -> rules.put(rule.kind(), rule));
        }
        return new RetentionSchedule(rules);
    }

    private Optional<RetentionRule> rule(RetentionKind kind, Node node) {
        Phrase what = Phrase.retentionOf(kind.spelling());
        Map<String, Node> f = yaml.fields(node, what, Set.of("keep-for"), Set.of("deletion"));
        Optional<Period> keep = Optional.ofNullable(f.get("keep-for")).flatMap(n -> period(n, what));
        boolean automatic = false;
        Node deletion = f.get("deletion");
        if (deletion != null) {
            String value = deletion instanceof ScalarNode scalar ? scalar.getValue().strip().toLowerCase(Locale.ROOT) : "";
            if (value.equals("automatic")) {
                automatic = true;
            } else if (!value.equals("approval")) {
                yaml.error(deletion, "deletion in " + what + " must be approval or automatic", "decision.policy-error.deletion",
                        what.words());
            }
        }
        boolean auto = automatic;
        return keep.map(period -> new RetentionRule(kind, period, auto));
    }

    private Optional<Period> period(Node node, Phrase what) {
        Matcher m = node instanceof ScalarNode scalar ? PERIOD.matcher(scalar.getValue().strip().toLowerCase(Locale.ROOT)) : null;
        if (m != null && m.matches() && Integer.parseInt(m.group(1)) > 0) {
            int amount = Integer.parseInt(m.group(1));
            return Optional.of(switch (m.group(2).charAt(0)) {
                case 'y' -> Period.ofYears(amount);
                case 'm' -> Period.ofMonths(amount);
                default -> Period.ofDays(amount);
            });
        }
        yaml.error(node, "keep-for in " + what + " must be a length of time such as 6 years, 18 months or 90 days",
                "decision.policy-error.keep-for", what.words());
        return Optional.empty();
    }
}
