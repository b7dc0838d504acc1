package org.caseshare.directory;

import java.util.UUID;

/**
 * What the directory says about a telephone number given for an organisation: its verified
 * switchboard, a switchboard nobody has verified yet, a mobile, or some other (direct) line.
 */
public record TelephoneCheck(TelephoneNumber number, UUID entryId, Verdict verdict, String advice) {

    public enum Verdict {
        VERIFIED_SWITCHBOARD,
        UNVERIFIED_SWITCHBOARD,
        MOBILE,
        DIRECT_LINE
    }
}
