package org.caseshare.document;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * What a fax cover sheet states: a unique reference (the share's reference in the register), when it
 * is sent, originator, recipient, the number of pages including the cover, and the protective
 * marking. It deliberately has no free-text message, so no personal information lands on the one
 * page most likely to be seen by someone else at the receiving machine.
 */
public record FaxCover(String reference, ZonedDateTime sentAt, FaxOriginator originator, FaxRecipient recipient,
        int pagesIncludingCover, String marking) {

    public static final int MAX_PAGES = 500;

    public FaxCover {
        reference = Require.text("reference", reference, 40);
        if (!reference.matches("[A-Za-z0-9][A-Za-z0-9/_.-]*")) {
            throw new IllegalArgumentException("reference must be letters, digits and / _ . -");
        }
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(recipient, "recipient");
        if (pagesIncludingCover < 2 || pagesIncludingCover > MAX_PAGES) {
            throw new IllegalArgumentException("a fax has 2 to " + MAX_PAGES + " pages including the cover sheet");
        }
        marking = Require.marking(marking);
    }
}
