package org.caseshare.channels;

import org.caseshare.sharing.SharingRefusedException;
import org.caseshare.system.Text;

/**
 * A channel step the record does not allow now: its message in English for the API (as every
 * {@link SharingRefusedException}), and as a catalogue code for the pages, shown in the reader's language.
 */
class ChannelRefusedException extends SharingRefusedException {

    ChannelRefusedException(String code, Object... args) {
        super(Text.of(code, args));
    }

    /** The refusal in the reader's language when the register or a channel refused, else its message as it came. */
    static Text textOf(RuntimeException e) {
        return e instanceof SharingRefusedException refused ? refused.text() : Text.literal(e.getMessage());
    }
}
