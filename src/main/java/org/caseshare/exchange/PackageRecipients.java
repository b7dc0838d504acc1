package org.caseshare.exchange;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.caseshare.directory.Directory;
import org.caseshare.directory.DirectoryEntry;
import org.caseshare.directory.Organisation;
import org.caseshare.identity.Account;
import org.caseshare.identity.Members;
import org.caseshare.system.Actor;
import org.springframework.stereotype.Component;

/** Who a package or a request for files is addressed to: named people, all at one other organisation. */
@Component
class PackageRecipients {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Directory directory;
    private final Members members;

    PackageRecipients(Directory directory, Members members) {
        this.directory = directory;
        this.members = members;
    }

    /**
     * The languages to write to the recipients' organisation in, as the sender's directory records it
     * (Welsh, English, or both, Welsh first); English when it is not in the sender's directory.
     */
    List<Locale> languages(UUID senderOrganisationId, UUID recipientOrganisationId) {
        if (recipientOrganisationId == null) {
            return List.of(org.caseshare.system.Languages.ENGLISH);
        }
        return directory.languageOf(senderOrganisationId, recipientOrganisationId).locales();
    }

    List<String> normalise(List<String> given, HubErrors errors) {
        Set<String> emails = new LinkedHashSet<>();
        for (String raw : given == null ? List.<String>of() : given) {
            for (String part : raw.split("[,;\\s]+")) {
                String email = part.strip().toLowerCase(Locale.ROOT);
                if (email.isEmpty()) {
                    continue;
                }
                if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
                    errors.putIfAbsent("recipients", "hub.error.recipients.format");
                }
                emails.add(email);
            }
        }
        if (emails.isEmpty()) {
            errors.putIfAbsent("recipients", "hub.error.recipients.none");
        }
        if (emails.size() > 20) {
            errors.putIfAbsent("recipients", "hub.error.recipients.too-many", 20);
        }
        return List.copyOf(emails);
    }

    /**
     * The recipients' organisation. From the sender's directory: the tenant of that name, created if
     * absent so its people can have personal logins (ADR 0006). Without a directory entry (partner
     * users sending back): the one organisation all the addressed accounts belong to.
     */
    UUID organisation(Actor caller, UUID entryId, List<String> recipients, HubErrors errors) {
        if (entryId != null) {
            Optional<DirectoryEntry> entry = directory.entry(caller.organisationId(), entryId);
            if (entry.isEmpty()) {
                errors.put("recipientEntryId", "hub.error.organisation");
                return null;
            }
            Organisation organisation = directory.organisationNamed(entry.get().name())
                    .orElseGet(() -> directory.createTenant(entry.get().name(), entry.get().kind(), caller.actorId()));
            for (String email : recipients) {
                members.findByEmail(email).filter(a -> !a.organisationId().equals(organisation.id()))
                        .ifPresent(a -> errors.putIfAbsent("recipients", "hub.error.recipients.elsewhere", email));
            }
            return organisation.id();
        }
        Set<UUID> organisations = new LinkedHashSet<>();
        for (String email : recipients) {
            Optional<Account> account = members.findByEmail(email);
            if (account.isEmpty()) {
                errors.putIfAbsent("recipients", "hub.error.recipients.no-login");
                return null;
            }
            organisations.add(account.get().organisationId());
        }
        if (organisations.size() != 1) {
            errors.putIfAbsent("recipients", "hub.error.recipients.one-organisation");
            return null;
        }
        UUID organisation = organisations.iterator().next();
        if (organisation.equals(caller.organisationId())) {
            errors.putIfAbsent("recipients", "hub.error.recipients.own-organisation");
        }
        return organisation;
    }
}
