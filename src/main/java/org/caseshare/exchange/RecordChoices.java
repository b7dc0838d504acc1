package org.caseshare.exchange;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.caseshare.policy.Channel;
import org.caseshare.sharing.SharingRecord;
import org.caseshare.sharing.SharingRegister;
import org.caseshare.sharing.Status;
import org.caseshare.sharing.Subject;
import org.caseshare.system.Actor;
import org.springframework.stereotype.Component;

/**
 * The sharing records a practitioner can send a package under, for "Send a new package" reached
 * without one: the organisation's latest secure-hub shares that {@link RecordTerms#refusal} accepts,
 * so a practitioner in a hurry picks the share they have just recorded instead of hunting for it.
 */
@Component
class RecordChoices {

    /** Enough to find this week's shares; older ones are a search of the register away. */
    static final int SHOWN = 15;
    private static final EnumSet<Status> OPEN = EnumSet.of(Status.READY, Status.AUTHORISED, Status.SHARED, Status.RECEIPT_CONFIRMED);

    /** One record as the list shows it: whom it is about, to whom, why, and where it is. */
    record Choice(UUID id, String people, String recipient, String purpose, String status, Instant recordedAt, String recordedBy,
            boolean mine) {
    }

    private final SharingRegister register;

    RecordChoices(SharingRegister register) {
        this.register = register;
    }

    List<Choice> forCaller(Actor caller) {
        // a few more than shown, as RecordTerms may still refuse some (a decision not to share, a request made)
        return register.latest(caller.organisationId(), Channel.SECURE_HUB, OPEN, SHOWN * 2).stream()
                .filter(record -> RecordTerms.refusal(record).isEmpty()).limit(SHOWN).map(record -> choice(caller, record)).toList();
    }

    private static Choice choice(Actor caller, SharingRecord record) {
        SharingRecord.Content c = record.content();
        String people = c.subjects().stream().map(RecordChoices::person).collect(Collectors.joining(", "));
        String recipient = (c.recipient().name() == null || c.recipient().name().isBlank() ? "" : c.recipient().name() + ", ")
                + c.recipient().organisation();
        // the page ends the purpose with a full stop of its own
        String purpose = c.purpose() == null ? "" : c.purpose().strip().replaceAll("[.\\s]+$", "");
        return new Choice(record.id(), people, recipient, purpose, record.status().displayName(), record.decidedBy().at(),
                record.decidedBy().name(), record.decidedBy().accountId().equals(caller.accountId()));
    }

    private static String person(Subject subject) {
        return subject.localReference() == null ? subject.name() : subject.name() + " (" + subject.localReference() + ")";
    }
}
