package org.caseshare.channels;

import org.caseshare.sharing.SharingRefusedException;
import org.caseshare.system.Languages;
import org.caseshare.system.Text;

/**
 * A channel step the record does not allow now: its message in English for the API (as every
 * {@link SharingRefusedException}), and as a catalogue code for the pages, shown in the reader's language.
 */
class ChannelRefusedException extends SharingRefusedException {

    private final Text text;

    ChannelRefusedException(String code, Object... args) {
        this(Text.of(code, args));
    }

    private ChannelRefusedException(Text text) {
        super(text.resolve(Languages.ENGLISH));
        this.text = text;
    }

    Text text() {
        return text;
    }

    /** The refusal in the reader's language when it is the channels' own, else its message as it came. */
    static Text textOf(RuntimeException e) {
        return e instanceof ChannelRefusedException refused ? refused.text() : Text.literal(e.getMessage());
    }
}
