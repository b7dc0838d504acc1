package org.caseshare.document;

import java.util.Objects;

/**
 * Where an undelivered envelope goes back to, printed on both envelopes as the guide asks. It holds
 * the sending organisation and its address but deliberately no team or department: a return address
 * such as "Child Protection Team" on the outer envelope would say what is inside.
 */
public record ReturnAddress(String organisation, PostalAddress address) {

    public ReturnAddress {
        organisation = Require.text("organisation", organisation, Addressee.MAX_LENGTH);
        Objects.requireNonNull(address, "address");
    }

    /** The return address on one line, as labels print it. */
    String oneLine() {
        return organisation + ", " + String.join(", ", address.lines());
    }
}
