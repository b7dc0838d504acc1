package org.caseshare.sharing;

/** A verb that the record's state does not allow now; the message says why in plain English. */
public class SharingRefusedException extends RuntimeException {
    public SharingRefusedException(String message) {
        super(message);
    }
}
