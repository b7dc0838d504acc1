package org.caseshare.exchange;

import java.util.Optional;

import org.caseshare.policy.Channel;
import org.caseshare.sharing.Direction;
import org.caseshare.sharing.SharingDetails;
import org.caseshare.sharing.SharingRecord;
import org.caseshare.sharing.Status;
import org.caseshare.system.Text;

/**
 * What a package sent from a sharing record tells its recipient, taken from that record: the purpose,
 * the limits of consent and (unless the sender writes more) the conditions for further handling,
 * which follow from the record's marking, the purpose and its review date. And whether the record
 * may carry a package at all. The recipient acknowledges these before downloading: safeguards
 * recipient.purpose, recipient.consent-limits and recipient.further-handling of the default policy.
 */
record RecordTerms(String purpose, String consentLimits, String furtherHandling, String organisation, String person, String email,
        boolean fromDirectory) {

    static RecordTerms of(SharingRecord record) {
        SharingRecord.Content c = record.content();
        return new RecordTerms(c.purpose() == null ? "" : c.purpose().strip(), consentLimits(c.details()), furtherHandling(record),
                c.recipient().organisation(), c.recipient().name(), c.recipient().email() == null ? "" : c.recipient().email(),
                c.recipient().entryId() != null);
    }

    private static String consentLimits(SharingDetails d) {
        StringBuilder text = new StringBuilder();
        if (Boolean.TRUE.equals(d.consentSought())) {
            text.append(d.consentWithdrawn() ? "Consent was sought and refused or withdrawn." : "Consent was given"
                    + (blank(d.consentGivenBy()) ? "." : " by " + d.consentGivenBy().strip() + "."));
        } else if (Boolean.FALSE.equals(d.consentSought())) {
            text.append("Shared without consent");
            if (d.consentNotSought() != null) {
                text.append(": ").append(d.consentNotSought().displayName().toLowerCase(java.util.Locale.ROOT));
                if (!blank(d.consentNotSoughtOther())) {
                    text.append(" (").append(d.consentNotSoughtOther().strip()).append(')');
                }
            }
            text.append('.');
        } else {
            text.append("Consent not recorded.");
        }
        if (!blank(d.consentLimits())) {
            text.append(" Limits: ").append(d.consentLimits().strip());
        }
        return text.toString();
    }

    private static String furtherHandling(SharingRecord record) {
        SharingRecord.Content c = record.content();
        String marking = c.marking().label() + (c.descriptor() == null ? "" : " [" + c.descriptor() + "]");
        String review = c.details().reviewDate();
        return "Marked " + marking + ". Use it only for the purpose above and do not pass it on without asking the sender first."
                + (blank(review) ? "" : " Review or delete it by " + review + ".");
    }

    /** Why this record cannot carry a secure-hub package, if it cannot. */
    static Optional<Text> refusal(SharingRecord record) {
        SharingRecord.Content c = record.content();
        if (c.channel() != Channel.SECURE_HUB) {
            return Optional.of(Text.of("hub.error.record-channel"));
        }
        if (c.direction() == Direction.REQUEST_MADE) {
            return Optional.of(Text.of("hub.error.record-request-made"));
        }
        if (!c.decision().shares()) {
            return Optional.of(Text.of("hub.error.record-not-to-share"));
        }
        if (record.status() == Status.AWAITING_AUTHORISATION) {
            return Optional.of(Text.of("hub.error.record-unauthorised"));
        }
        if (record.status().terminal()) {
            return Optional.of(Text.of("hub.error.record-finished", record.status().displayName().toLowerCase(java.util.Locale.ROOT)));
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
