package org.caseshare.retention;

import org.caseshare.system.Languages;
import org.caseshare.system.Text;

/**
 * A hold the retention module cannot place as given. It names a catalogue message for the page, in
 * the reader's language ({@link #text}); the exception's own message is the English.
 */
public class RetentionInputException extends IllegalArgumentException {

    private final transient Text text;

    RetentionInputException(String code) {
        super(Text.of(code).resolve(Languages.ENGLISH));
        this.text = Text.of(code);
    }

    /** Why, in the reader's language. */
    public Text text() {
        return text;
    }
}
