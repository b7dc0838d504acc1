package org.caseshare.policy.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.caseshare.policy.PolicyError;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads values out of SnakeYAML nodes and collects every problem with the line and column of the
 * node it concerns, so that one pass reports all mistakes in a file instead of the first.
 */
public final class YamlFields {

    private final List<PolicyError> errors = new ArrayList<>();

    public List<PolicyError> errors() {
        return errors;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /**
     * An error in English (its message) that a page can also say in the reader's language
     * ({@link PolicyError#coded}); every error the loader finds is one.
     */
    public void error(Node node, String message, String code, Object... args) {
        error(node.getStartMark(), message, code, args);
    }

    /** An error a page can also say in the reader's language ({@link PolicyError#coded}). */
    public void error(Mark mark, String message, String code, Object... args) {
        errors.add(PolicyError.coded(mark.getLine() + 1, mark.getColumn() + 1, message, code, args));
    }

    /**
     * The fields of a mapping by name. Reports a node that is not a mapping, a repeated or unknown
     * field, and a missing required field; the caller then reads only what is there.
     */
    Map<String, Node> fields(Node node, Phrase what, Set<String> required, Set<String> optional) {
        Map<String, Node> fields = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            error(node, what + " must be a set of 'name: value' fields", "decision.policy-error.not-fields", what.words());
            return fields;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
                error(keyNode, "a field name in " + what + " must be plain text", "decision.policy-error.field-name", what.words());
                continue;
            }
            String name = key.getValue();
            if (!required.contains(name) && !optional.contains(name)) {
                String expected = String.join(", ", sorted(required, optional));
                error(keyNode, "unknown field '" + name + "' in " + what + "; expected one of: " + expected,
                        "decision.policy-error.unknown-field", name, what.words(), expected);
            } else if (fields.containsKey(name)) {
                error(keyNode, "field '" + name + "' appears twice in " + what, "decision.policy-error.field-twice",
                        name, what.words());
            } else {
                fields.put(name, tuple.getValueNode());
            }
        }
        for (String name : sorted(required, Set.of())) {
            if (!fields.containsKey(name)) {
                error(node, what + " is missing the field '" + name + "'", "decision.policy-error.field-missing",
                        what.words(), name);
            }
        }
        return fields;
    }

    Optional<String> text(Node node, Phrase what) {
        if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
            return Optional.of(scalar.getValue().strip());
        }
        error(node, what + " must be some text", "decision.policy-error.text", what.words());
        return Optional.empty();
    }

    Optional<Integer> integer(Node node, Phrase what, int min) {
        if (node instanceof ScalarNode scalar) {
            try {
                int value = Integer.parseInt(scalar.getValue().strip());
                if (value >= min) {
                    return Optional.of(value);
                }
            } catch (NumberFormatException notANumber) {
                // reported below with the same message as an out-of-range number
            }
        }
        error(node, what + " must be a whole number, " + min + " or more", "decision.policy-error.whole-number",
                what.words(), String.valueOf(min));
        return Optional.empty();
    }

    Optional<Boolean> yesNo(Node node, Phrase what) {
        if (node instanceof ScalarNode scalar) {
            String value = scalar.getValue().strip().toLowerCase(Locale.ROOT);
            if (value.equals("true") || value.equals("yes")) {
                return Optional.of(true);
            }
            if (value.equals("false") || value.equals("no")) {
                return Optional.of(false);
            }
        }
        error(node, what + " must be true or false", "decision.policy-error.true-or-false", what.words());
        return Optional.empty();
    }

    /** A list of text items; a single item may be written without brackets. */
    List<ScalarNode> items(Node node, Phrase what) {
        List<ScalarNode> items = new ArrayList<>();
        if (node instanceof ScalarNode scalar) {
            items.add(scalar);
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                if (item instanceof ScalarNode scalar) {
                    items.add(scalar);
                } else {
                    error(item, "each entry of " + what + " must be plain text", "decision.policy-error.entry", what.words());
                }
            }
        } else {
            error(node, what + " must be a list such as [a, b]", "decision.policy-error.list", what.words());
        }
        return items;
    }

    /** A list of named values, each looked up; unknown names are reported with what is allowed. */
    <T> List<T> names(Node node, Phrase what, Function<String, Optional<T>> lookup,
            Phrase kind, List<String> expected) {
        List<T> values = new ArrayList<>();
        for (ScalarNode item : items(node, what)) {
            Optional<T> value = lookup.apply(item.getValue());
            if (value.isPresent()) {
                values.add(value.get());
            } else {
                error(item, "unknown " + kind + " '" + item.getValue() + "'; expected one of: "
                        + String.join(", ", expected), "decision.policy-error.unknown-value", kind.words(), item.getValue(),
                        String.join(", ", expected));
            }
        }
        return values;
    }

    /** One named value, e.g. an outcome; a list is reported, not silently cut to its first item. */
    <T> Optional<T> name(Node node, Phrase what, Function<String, Optional<T>> lookup,
            Phrase kind, List<String> expected) {
        if (!(node instanceof ScalarNode)) {
            error(node, what + " must be a single value, one of: " + String.join(", ", expected),
                    "decision.policy-error.single-value", what.words(), String.join(", ", expected));
            return Optional.empty();
        }
        return names(node, what, lookup, kind, expected).stream().findFirst();
    }

    /** Looks up an enum constant the way people write it: "by hand", "By-Hand" and "BY_HAND" agree. */
    public static <E extends Enum<E>> Optional<E> lookup(Class<E> type, String text) {
        String wanted = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** How an enum constant is written in the policy file, e.g. "by-hand". */
    public static <E extends Enum<E>> List<String> spellings(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(spelling(constant));
        }
        return names;
    }

    public static String spelling(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static List<String> sorted(Set<String> required, Set<String> optional) {
        List<String> all = new ArrayList<>(required);
        all.addAll(optional);
        all.sort(null);
        return all;
    }
}
