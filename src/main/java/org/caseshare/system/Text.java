package org.caseshare.system;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import org.springframework.context.MessageSourceResolvable;

/**
 * Words to be shown later, in the reader's language: a catalogue code and its arguments
 * ({@link #of}), or, for text that is already a sentence (a value the person typed, a library's
 * message), the text itself ({@link #literal}).
 */
public record Text(String code, Object[] args, String literal) implements MessageSourceResolvable, Serializable {

    public static Text of(String code, Object... args) {
        return new Text(code, args, null);
    }

    public static Text literal(String text) {
        return new Text(null, null, text);
    }

    @Override
    public String[] getCodes() {
        return code == null ? null : new String[] { code };
    }

    @Override
    public Object[] getArguments() {
        return args;
    }

    @Override
    public String getDefaultMessage() {
        return literal;
    }

    /** In the language of the request being served. A literal is shown as it is, never read as a pattern. */
    public String resolve() {
        return literal != null ? literal : Catalogue.text(this);
    }

    public String resolve(Locale locale) {
        return literal != null ? literal : Catalogue.text(locale, this);
    }

    /** Two texts are equal when they say the same thing: the arguments are compared by value, not as one array. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Text that && Objects.equals(code, that.code) && Arrays.deepEquals(args, that.args)
                && Objects.equals(literal, that.literal);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, Arrays.deepHashCode(args), literal);
    }

    @Override
    public String toString() {
        return resolve();
    }
}
