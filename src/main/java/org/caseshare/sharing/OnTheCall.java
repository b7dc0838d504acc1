package org.caseshare.sharing;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.caseshare.directory.Directory;
import org.caseshare.policy.Assessment;
import org.caseshare.policy.Channel;
import org.caseshare.system.Actor;
import org.caseshare.system.Catalogue;

/**
 * What "Record a share" sent about the telephone call itself, so that a telephone share is called
 * back, checked and recorded on one page: whether the caller rang from the number the directory
 * holds for them, the checklist's ticks (the "On the call" tick also saying they were called back
 * and confirmed), and the number called back on when it is not the one the record already holds.
 * The record is saved first, as from any form; the ticks are then stamped on it, each safeguard id
 * with who and when, through the same register call as the checklist page.
 */
record OnTheCall(boolean numberFromDirectory, List<String> ticked, String callBackNumber) {

    static final OnTheCall NONE = new OnTheCall(false, List.of(), "");

    OnTheCall {
        ticked = ticked == null ? List.of() : List.copyOf(ticked);
        callBackNumber = callBackNumber == null ? "" : callBackNumber.strip();
    }

    public boolean isTicked(String value) {
        return ticked.contains(value);
    }

    /** The groups the form shows: the policy's telephone checklist for what the form says so far, the call's own steps first. */
    static List<SafeguardGroup> groups(Assessment assessment) {
        if (assessment == null) {
            return List.of();
        }
        return SafeguardGroup.of(assessment.outcome(Channel.TELEPHONE).safeguards()).stream()
                .sorted(Comparator.comparing(g -> !g.key().equals("telephone"))).toList();
    }

    /** The form to read: when the person said the caller rang from the directory's number, that number is the one given. */
    ShareForm read(ShareForm typed, Directory directory, UUID organisationId) {
        if (!numberFromDirectory || !ShareFormReader.blank(typed.numberGiven())) {
            return typed;
        }
        return DirectoryFill.number(typed, directory, organisationId).map(typed::withNumberGiven).orElse(typed);
    }

    /**
     * The message for a number the directory was to give but could not: nothing picked, or no number
     * held. In English; the page says it as {@code sharing.error.no-directory-number}.
     */
    static final String NO_DIRECTORY_NUMBER = "Pick the organisation from your directory to use the number it holds, or type the number they gave";

    /**
     * For "Confirm and record as shared": what is not yet confirmed, as a form error, so nothing is
     * saved half-done; empty when every safeguard the policy asks for is ticked (and, for a request,
     * the caller was called back), or when the form has other errors to fix first.
     */
    Map<String, String> unconfirmed(ShareFormReader.Read read) {
        if (!read.valid() || !read.content().decision().shares() || read.answer().minimalRecordFirst()) {
            return Map.of();
        }
        if (read.content().channel() != Channel.TELEPHONE) {
            // without JavaScript the button shows for every way; only the telephone's checklist is on the form
            return Map.of("safeguard", Catalogue.text("sharing.error.safeguard.not-telephone",
                    Catalogue.text("sharing.error.channel.by." + read.content().channel().name())));
        }
        Set<String> confirmed = new HashSet<>(SafeguardGroup.ids(ticked));
        boolean calledBack = read.content().direction() != Direction.REQUEST_RECEIVED || SafeguardGroup.calledBack(ticked);
        if (confirmed.containsAll(read.answer().requiredSafeguards()) && calledBack) {
            return Map.of();
        }
        return Map.of("safeguard", Catalogue.text("sharing.error.safeguard.unticked"));
    }

    /**
     * Stamps what was ticked on the record just saved and, when asked and nothing else is waiting (an
     * authoriser, say), records it as shared. A record with nothing ticked is left as saved.
     */
    SharingRecord complete(SharingRegister register, Directory directory, Actor user, SharingRecord record, boolean shareNow) {
        if (ticked.isEmpty() || record.content().channel() != Channel.TELEPHONE || !record.status().beforeSharing()
                || !record.content().decision().shares()) {
            return record;
        }
        List<String> ids = SafeguardGroup.ids(ticked).stream().filter(record.policy().requiredSafeguards()::contains).toList();
        SharingRegister.CallBackInput callBack = record.content().direction() == Direction.REQUEST_RECEIVED && SafeguardGroup.calledBack(ticked)
                ? new SharingRegister.CallBackInput(calledBackOn(record, directory), true, "")
                : null;
        return register.completeChecklist(user, record.id(), record.version(), callBack, ids, shareNow, true);
    }

    /**
     * The number called back on, as the form says beside the tick: the one typed, else the directory's
     * switchboard for the organisation, else the number the caller gave (which the person confirmed is
     * their organisation's switchboard).
     */
    private String calledBackOn(SharingRecord record, Directory directory) {
        if (!callBackNumber.isBlank()) {
            return callBackNumber;
        }
        UUID entryId = record.content().recipient().entryId();
        Optional<String> switchboard = entryId == null ? Optional.empty()
                : DirectoryFill.switchboard(directory, record.organisationId(), entryId);
        return switchboard.orElse(record.content().numberGiven());
    }
}
