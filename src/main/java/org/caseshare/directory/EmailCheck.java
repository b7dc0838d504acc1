package org.caseshare.directory;

import java.util.UUID;

/**
 * What the directory and the guide say about sending to an email address.
 *
 * @param entryId the directory entry whose domain matched, or null
 * @param reason  why, in words for the person about to send
 */
public record EmailCheck(String address, String domain, Verdict verdict, String reason, UUID entryId, String organisationName) {

    public enum Verdict {
        /** Personal webmail (Hotmail, Gmail…): the guide says use work accounts; do not send. */
        REFUSED_PERSONAL_WEBMAIL,
        /** The guide or the directory says mail to this domain is not secure. */
        WARNING_NOT_SECURE,
        /** A verified secure domain of an organisation in the caller's directory. */
        SECURE_KNOWN,
        /** Not in the directory (or not verified yet): confirm the recipient before sending. */
        UNKNOWN
    }
}
