package org.caseshare.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One problem in a policy file, placed where an editor can find it.
 *
 * <p>The message is in plain English (for logs, the command line and the API). Where a page can say
 * it in the reader's language, {@code code} names the catalogue message and {@code args} fill it (the
 * pages' module resolves it; this module stays plain Java); with no code the English is shown.
 *
 * @param line 1-based line in the policy text
 * @param column 1-based column in the policy text
 * @param message what is wrong, in plain English
 * @param code the catalogue code saying the same in any language, or null
 * @param args the code's arguments: values from the policy or numbers, never words; words (what the error
 *     is about, e.g. "rule 'baseline': then") are {@link Words}, said in the reader's language too
 */
public record PolicyError(int line, int column, String message, String code, List<Object> args) {

    public PolicyError {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column start at 1");
        }
        Objects.requireNonNull(message, "message");
        args = args == null ? List.of() : List.copyOf(args);
    }

    public PolicyError(int line, int column, String message) {
        this(line, column, message, null, List.of());
    }

    /** An error a page can say in the reader's language: {@code code} and {@code args} say {@code message}. */
    public static PolicyError coded(int line, int column, String message, String code, Object... args) {
        return new PolicyError(line, column, message, Objects.requireNonNull(code, "code"), Arrays.asList(args));
    }

    /**
     * Words inside an error, e.g. what it is about ("rule 'baseline': when") or the kind of value
     * ("kind of organisation"): a catalogue code and its arguments, which may be words in turn.
     */
    public record Words(String code, List<Object> args) {

        public Words {
            Objects.requireNonNull(code, "code");
            args = List.copyOf(args);
        }

        public static Words of(String code, Object... args) {
            return new Words(code, Arrays.asList(args));
        }
    }

    /** The same error is the same place and the same English, whether or not it can be said in another language. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PolicyError that && line == that.line && column == that.column && message.equals(that.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(line, column, message);
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + message;
    }
}
