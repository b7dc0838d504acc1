package org.caseshare.sharing;

import java.util.Objects;

/**
 * The guide's telephone check for a request received: the practitioner called the requester back on
 * their organisation's switchboard and confirmed who they are — or could not.
 */
public record CallBack(String number, boolean verified, Stamp by) {

    public CallBack {
        Objects.requireNonNull(number);
        Objects.requireNonNull(by);
    }
}
