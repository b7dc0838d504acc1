package org.caseshare.sharing;

import java.util.Optional;
import java.util.UUID;

import org.caseshare.decision.SituationInput;
import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.NamedContact;
import org.caseshare.directory.Switchboard;

/**
 * "Use this contact": the organisation (and named contact) picked from the caller's own directory
 * fills the recipient's type, name, switchboard, contact name, job title and department on the form,
 * server-side, so it works without JavaScript. The person sees each value before saving; what the
 * directory does not hold is left as typed.
 */
final class DirectoryFill {

    private DirectoryFill() {
    }

    static ShareForm fill(ShareForm form, Directory directory, UUID organisationId) {
        if (ShareFormReader.blank(form.recipientEntry())) {
            return form;
        }
        String[] parts = form.recipientEntry().split(":", 2);
        Optional<DirectoryEntry> found = uuid(parts[0]).flatMap(id -> directory.entry(organisationId, id));
        if (found.isEmpty()) {
            return form;
        }
        DirectoryEntry entry = found.get();
        NamedContact contact = parts.length < 2 ? null
                : uuid(parts[1]).flatMap(entry::contactPoint).flatMap(p -> p.details(NamedContact.class)).orElse(null);
        String switchboard = switchboard(directory, organisationId, entry.id()).orElse(null);
        String telephone = contact != null && contact.telephone() != null ? contact.telephone().display() : switchboard;
        return form.withRecipient(SituationInput.typeOf(entry.kind()).name(), entry.name(),
                or(contact == null ? null : contact.name(), form.recipientName()),
                or(contact == null ? null : contact.jobTitle(), form.recipientJobTitle()),
                or(contact == null ? null : contact.department(), form.recipientDepartment()),
                or(telephone, form.recipientTelephone()));
    }

    /**
     * The number the directory holds for the pick, for "they rang from the number your directory
     * holds": a named contact's own number, or else the organisation's switchboard. Empty when nothing
     * is picked or the directory holds no number.
     */
    static Optional<String> number(ShareForm form, Directory directory, UUID organisationId) {
        if (ShareFormReader.blank(form.recipientEntry())) {
            return Optional.empty();
        }
        String[] parts = form.recipientEntry().split(":", 2);
        Optional<DirectoryEntry> found = uuid(parts[0]).flatMap(id -> directory.entry(organisationId, id));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> own = parts.length < 2 ? Optional.empty()
                : uuid(parts[1]).flatMap(found.get()::contactPoint).flatMap(p -> p.details(NamedContact.class))
                        .flatMap(c -> Optional.ofNullable(c.telephone())).map(t -> t.display());
        return own.or(() -> switchboard(directory, organisationId, found.get().id()));
    }

    /** The organisation's switchboard as a number alone, without the directory's label beside it. */
    static Optional<String> switchboard(Directory directory, UUID organisationId, UUID entryId) {
        return directory.switchboardFor(organisationId, entryId).flatMap(p -> p.details(Switchboard.class)).map(b -> b.number().display());
    }

    private static String or(String fromDirectory, String typed) {
        return ShareFormReader.blank(fromDirectory) ? typed : fromDirectory;
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
