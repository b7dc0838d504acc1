package org.caseshare.directory;

import java.util.Arrays;

import org.caseshare.system.Catalogue;
import org.caseshare.system.Languages;
import org.caseshare.system.Text;

/**
 * A value breaks a directory rule. Its message is the English (what the API answers); {@link #text()}
 * is the same in the catalogues, to be shown in the reader's language on a page.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final transient Text text;

    public InvalidValueException(String message) {
        super(message);
        this.text = Text.literal(message);
    }

    /** The catalogue's message {@code code} (in {@code i18n/directory*.properties}); an argument may itself be a {@link Text}. */
    static InvalidValueException coded(String code, Object... args) {
        return new InvalidValueException(Text.of(code, args));
    }

    InvalidValueException(Text text) {
        super(english(text));
        this.text = text;
    }

    public Text text() {
        return text;
    }

    /** The English of a text whose arguments may be texts themselves. */
    static String english(Text text) {
        if (text.code() == null) {
            return text.literal();
        }
        Object[] args = text.args() == null ? new Object[0] : Arrays.stream(text.args())
                .map(arg -> arg instanceof Text inner ? inner.resolve(Languages.ENGLISH) : arg).toArray();
        return Catalogue.text(Languages.ENGLISH, text.code(), args);
    }

    /** The text of any problem with a value: its catalogue text, or its message as it is. */
    static Text textOf(IllegalArgumentException e) {
        return e instanceof InvalidValueException invalid ? invalid.text() : Text.literal(e.getMessage());
    }
}
