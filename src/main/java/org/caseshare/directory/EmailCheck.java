package org.caseshare.directory;

import java.util.UUID;

import org.caseshare.system.Text;

/**
 * What the directory and the guide say about sending to an email address.
 *
 * @param entryId the directory entry whose domain matched, or null
 * @param reasonText why, in words for the person about to send, from the directory catalogue
 */
public record EmailCheck(String address, String domain, Verdict verdict, Text reasonText, UUID entryId, String organisationName) {

    /** Why, in the language of the request being served (a page's reader; an API caller's Accept-Language, else English). */
    public String reason() {
        return reasonText.resolve();
    }

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
