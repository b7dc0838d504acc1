package org.caseshare.custody;

/** A change the custody register does not allow in the item's or device's present state. */
public class CustodyRefusedException extends RuntimeException {
    public CustodyRefusedException(String message) {
        super(message);
    }
}
