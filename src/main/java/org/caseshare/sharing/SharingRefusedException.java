package org.caseshare.sharing;

import org.caseshare.system.Languages;
import org.caseshare.system.Text;

/**
 * A verb that the record's state does not allow now; the message says why in plain English (for
 * the API and the logs), and {@link #text()} says it in the reader's language on a page.
 */
public class SharingRefusedException extends RuntimeException {

    private final Text text;

    public SharingRefusedException(String message) {
        super(message);
        this.text = null;
    }

    /** Why, as a catalogue code ({@code sharing.refused.*}); the exception's message is its English. */
    public SharingRefusedException(Text text) {
        super(text.resolve(Languages.ENGLISH));
        this.text = text;
    }

    /** Why, to be shown in the reader's language; a message given in words is shown as it is. */
    public Text text() {
        return text != null ? text : Text.of("sharing.said", getMessage());
    }
}
