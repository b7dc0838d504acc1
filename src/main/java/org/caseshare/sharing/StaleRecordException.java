package org.caseshare.sharing;

/** Someone else changed the record after the version the change was made from. */
public class StaleRecordException extends RuntimeException {
    public StaleRecordException() {
        super("Someone else changed this record while you were working on it. Nothing was saved: look at the record as it is now, then try again.");
    }
}
