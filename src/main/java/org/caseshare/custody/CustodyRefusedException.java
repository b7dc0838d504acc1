package org.caseshare.custody;

import org.caseshare.system.Languages;
import org.caseshare.system.Text;

/**
 * A change the custody register does not allow in the item's or device's present state. It names a
 * catalogue message, shown in the reader's language ({@link #text}); the exception's own message is
 * the English, for logs and the API.
 */
public class CustodyRefusedException extends RuntimeException {

    private final transient Text text;

    public CustodyRefusedException(String code, Object... args) {
        this(Text.of(code, args));
    }

    private CustodyRefusedException(Text text) {
        super(text.resolve(Languages.ENGLISH));
        this.text = text;
    }

    /** Why, in the reader's language. */
    public Text text() {
        return text;
    }
}
