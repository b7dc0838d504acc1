package org.caseshare.sharing;

import org.caseshare.system.Languages;
import org.caseshare.system.Text;

/** Someone else changed the record after the version the change was made from. */
public class StaleRecordException extends RuntimeException {

    /** Why, in the reader's language on a page; the exception's message is its English. */
    public static final Text TEXT = Text.of("sharing.refused.stale");

    public StaleRecordException() {
        super(TEXT.resolve(Languages.ENGLISH));
    }
}
