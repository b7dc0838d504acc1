package org.caseshare.system;

import java.io.Serializable;
import java.util.Locale;

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

    /**
     * In the language of the request being served. A literal is returned as it is: through the
     * message source it would be read as a MessageFormat pattern, and lose its apostrophes.
     */
    public String resolve() {
        return code == null ? literal : Catalogue.text(this);
    }

    public String resolve(Locale locale) {
        return code == null ? literal : Catalogue.text(locale, this);
    }

    @Override
    public String toString() {
        return resolve();
    }
}
