package org.caseshare.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.caseshare.policy.Channel;
import org.caseshare.policy.Safeguard;
import org.caseshare.system.Actor;
import org.caseshare.sharing.SharingRecord;
import org.caseshare.sharing.SharingRegister;
import org.springframework.stereotype.Component;

/**
 * The register's checklist as a channel sees it. A channel step confirms the safeguards it carries
 * out through {@link SharingRegister#completeChecklist} — the same call as the checklist page, so
 * each is stamped with who and when and audited — and only those the record's policy asked for.
 */
@Component
class Checklist {

    private final SharingRegister register;

    Checklist(SharingRegister register) {
        this.register = register;
    }

    /** The record, if it is the caller's organisation's (else not found) and goes by this channel (else refused). */
    SharingRecord record(Actor actor, UUID id, Channel channel) {
        SharingRecord record = register.get(actor.organisationId(), id);
        if (record.content().channel() != channel) {
            throw new ChannelRefusedException("channels.refused.other-channel", record.content().channel().displayName().toLowerCase(Locale.ROOT),
                    channel.displayName().toLowerCase(Locale.ROOT));
        }
        if (!record.content().decision().shares()) {
            throw new ChannelRefusedException("channels.refused.not-to-share");
        }
        return record;
    }

    /** Refuses a step that prepares a share once it has gone (or been declined or cancelled). */
    static void requireBeforeSharing(SharingRecord record) {
        if (!record.status().beforeSharing()) {
            throw new ChannelRefusedException("channels.refused.finished", record.status().displayName().toLowerCase(Locale.ROOT));
        }
    }

    /** Confirms those of the safeguards that the record's checklist has and that are not confirmed yet. */
    SharingRecord confirm(Actor actor, SharingRecord record, List<String> safeguards) {
        List<String> todo = open(record, safeguards);
        if (todo.isEmpty() || !record.status().beforeSharing()) {
            return record;
        }
        return register.completeChecklist(actor, record.id(), null, null, todo, false);
    }

    /** Confirms the safeguards and marks the record shared, all or nothing: refused if any safeguard is still open. */
    SharingRecord share(Actor actor, SharingRecord record, List<String> safeguards) {
        return register.completeChecklist(actor, record.id(), null, null, open(record, safeguards), true);
    }

    /** The safeguards still to confirm, in the policy's words, leaving out those this step confirms itself. */
    List<Safeguard> remaining(SharingRecord record, List<String> confirmedByTheStep) {
        List<Safeguard> list = new ArrayList<>();
        for (Safeguard safeguard : register.checklist(record)) {
            if (!record.confirmations().containsKey(safeguard.id()) && !confirmedByTheStep.contains(safeguard.id())) {
                list.add(safeguard);
            }
        }
        return list;
    }

    private static List<String> open(SharingRecord record, List<String> safeguards) {
        return safeguards.stream().distinct().filter(record.policy().requiredSafeguards()::contains)
                .filter(s -> !record.confirmations().containsKey(s)).toList();
    }

    /** A reference that names nobody: for file names, fax cover sheets and the recipient's emails. */
    static String reference(UUID recordId) {
        return "CS-" + recordId.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
