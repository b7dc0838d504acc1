package org.caseshare.directory;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.system.Actor;
import org.caseshare.system.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory module's API: tenants (organisations using Caseshare) and each tenant's own directory
 * of the organisations it shares with, their verified contact points, and what the guide says about
 * an email address or telephone number. A tenant never sees another tenant's entries: they are
 * ‘not found’. Every change is audited in the same transaction, by identifiers only.
 */
@Service
public class Directory {

    private final Organisations organisations;
    private final DirectoryEntries entries;
    private final MailDomainPolicy mailDomains;
    private final AuditTrail audit;
    private final Clock clock;

    Directory(Organisations organisations, DirectoryEntries entries, MailDomainPolicy mailDomains, AuditTrail audit, Clock clock) {
        this.organisations = organisations;
        this.entries = entries;
        this.mailDomains = mailDomains;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- tenants -------------------------------------------------------------------------------

    /** Creates a tenant and audits it; a duplicate name raises {@link DuplicateOrganisationException}. */
    public Organisation createTenant(String name, OrganisationKind kind, String actor) {
        return organisations.createTenant(name, kind, actor);
    }

    public Optional<Organisation> organisation(UUID id) {
        return organisations.findById(id);
    }

    public Optional<Organisation> organisationNamed(String name) {
        return organisations.findByName(name);
    }

    public List<Organisation> organisations() {
        return organisations.findAll();
    }

    // ---- reading a tenant's directory -----------------------------------------------------------

    /** One entry of the tenant's directory, with its live contact points; empty if not the tenant's. */
    public Optional<DirectoryEntry> entry(UUID tenantId, UUID entryId) {
        return entries.find(tenantId, entryId);
    }

    /** The tenant's entries whose name contains the text (any case), by name; all for blank text. */
    public List<DirectoryEntry> search(UUID tenantId, String text) {
        return entries.search(tenantId, text);
    }

    /** The entry's switchboard to call back on: a verified one if there is one, else the first listed. */
    public Optional<ContactPoint> switchboardFor(UUID tenantId, UUID entryId) {
        return entry(tenantId, entryId).flatMap(entry -> entry.contactPoints(ContactPointKind.SWITCHBOARD).stream()
                .min(Comparator.comparing((ContactPoint point) -> !point.verified())));
    }

    /**
     * What the guide and the tenant's directory say about sending to this address. A malformed address
     * raises {@link IllegalArgumentException}.
     */
    public EmailCheck checkEmail(UUID tenantId, String address) {
        return new EmailChecker(mailDomains, entries, organisations).check(tenantId, EmailAddress.parse(address));
    }

    /** Whether a number given for the entry's organisation is its switchboard, a mobile, or another line. */
    public TelephoneCheck checkTelephone(UUID tenantId, UUID entryId, String number) {
        DirectoryEntry entry = entry(tenantId, entryId).orElseThrow(() -> new NotFoundException("Directory entry"));
        return TelephoneChecker.check(entry, TelephoneNumber.parse(number));
    }

    /**
     * The language to write to another organisation in: what the tenant's directory records for the
     * entry of that organisation's name (hub recipients are tenants made from directory entries);
     * English when the tenant's directory has no such entry.
     */
    public OrganisationLanguage languageOf(UUID tenantId, UUID organisationId) {
        return organisations.findById(organisationId).flatMap(organisation -> entries.named(tenantId, organisation.name()))
                .map(DirectoryEntry::language).orElse(OrganisationLanguage.ENGLISH);
    }

    /** The language to write to the organisation of this entry of the tenant's directory in; English when there is none. */
    public OrganisationLanguage languageOfEntry(UUID tenantId, UUID entryId) {
        return entryId == null ? OrganisationLanguage.ENGLISH
                : entry(tenantId, entryId).map(DirectoryEntry::language).orElse(OrganisationLanguage.ENGLISH);
    }

    // ---- changing a tenant's directory (organisation admins only) --------------------------------

    @Transactional
    public DirectoryEntry addEntry(Actor caller, String name, OrganisationKind kind) {
        return addEntry(caller, name, kind, List.of());
    }

    /** Adds an entry with its first contact points, all or nothing; it works in English. */
    @Transactional
    public DirectoryEntry addEntry(Actor caller, String name, OrganisationKind kind, List<ContactDetails> contactPoints) {
        return addEntry(caller, name, kind, OrganisationLanguage.ENGLISH, contactPoints);
    }

    /** Adds an entry, working in the language given, with its first contact points, all or nothing. */
    @Transactional
    public DirectoryEntry addEntry(Actor caller, String name, OrganisationKind kind, OrganisationLanguage language,
            List<ContactDetails> contactPoints) {
        requireAdmin(caller);
        DirectoryEntry entry = new DirectoryEntry(UUID.randomUUID(), caller.organisationId(), name, kind, language, clock.instant(),
                List.of());
        refuseDuplicate(caller, entry.name(), null);
        contactPoints.forEach(this::refuseBreach);
        entries.insert(entry, caller.accountId());
        audit.record(AuditEvent.success("directory.entry.created", caller.actorId(), caller.organisationId(), target(entry.id()))
                .with("kind", kind.name()).with("language", language.code()));
        contactPoints.forEach(details -> addContactPoint(caller, entry.id(), details));
        return existing(caller, entry.id());
    }

    @Transactional
    public DirectoryEntry changeEntry(Actor caller, UUID entryId, String name, OrganisationKind kind) {
        return changeEntry(caller, entryId, name, kind, existing(caller, entryId).language());
    }

    @Transactional
    public DirectoryEntry changeEntry(Actor caller, UUID entryId, String name, OrganisationKind kind, OrganisationLanguage language) {
        existing(caller, entryId);
        String valid = DirectoryEntry.validName(name);
        refuseDuplicate(caller, valid, entryId);
        entries.update(caller.organisationId(), entryId, valid, kind, language, clock.instant());
        audit.record(AuditEvent.success("directory.entry.changed", caller.actorId(), caller.organisationId(), target(entryId))
                .with("kind", kind.name()).with("language", language.code()));
        return existing(caller, entryId);
    }

    @Transactional
    public ContactPoint addContactPoint(Actor caller, UUID entryId, ContactDetails details) {
        existing(caller, entryId);
        refuseBreach(details);
        ContactPoint point = new ContactPoint(UUID.randomUUID(), entryId, details, null, clock.instant());
        entries.insert(caller.organisationId(), point, caller.accountId());
        audit.record(AuditEvent.success("directory.contact-point.added", caller.actorId(), caller.organisationId(), pointTarget(point.id()))
                .with("entry", entryId.toString()).with("kind", details.kind().name()));
        return point;
    }

    /** Changes a contact point's details; if they differ from what was verified, the verification is cleared. */
    @Transactional
    public ContactPoint changeContactPoint(Actor caller, UUID entryId, UUID pointId, ContactDetails details) {
        ContactPoint point = existingPoint(caller, entryId, pointId);
        if (point.kind() != details.kind()) {
            throw new InvalidFieldException("kind", "A " + point.kind().label().toLowerCase(java.util.Locale.ROOT)
                    + " cannot be changed into a " + details.kind().label().toLowerCase(java.util.Locale.ROOT));
        }
        refuseBreach(details);
        boolean unchanged = point.details().equals(details);
        entries.replace(caller.organisationId(), pointId, details, unchanged);
        audit.record(AuditEvent.success("directory.contact-point.changed", caller.actorId(), caller.organisationId(), pointTarget(pointId))
                .with("entry", entryId.toString()).with("verificationCleared", Boolean.toString(point.verified() && !unchanged)));
        return existingPoint(caller, entryId, pointId);
    }

    /** Records that the admin confirmed this contact point with the organisation itself. */
    @Transactional
    public ContactPoint markVerified(Actor caller, UUID entryId, UUID pointId) {
        existingPoint(caller, entryId, pointId);
        entries.verify(caller.organisationId(), pointId, new Verification(caller.accountId(), caller.displayName(), clock.instant()));
        audit.record(AuditEvent.success("directory.contact-point.verified", caller.actorId(), caller.organisationId(), pointTarget(pointId))
                .with("entry", entryId.toString()));
        return existingPoint(caller, entryId, pointId);
    }

    @Transactional
    public void removeContactPoint(Actor caller, UUID entryId, UUID pointId) {
        existingPoint(caller, entryId, pointId);
        entries.remove(caller.organisationId(), pointId, caller.accountId(), clock.instant());
        audit.record(AuditEvent.success("directory.contact-point.removed", caller.actorId(), caller.organisationId(), pointTarget(pointId))
                .with("entry", entryId.toString()));
    }

    /** Another tenant's entry is ‘not found’ before any role check, so its ids cannot be probed. */
    private DirectoryEntry existing(Actor caller, UUID entryId) {
        DirectoryEntry entry = entry(caller.organisationId(), entryId).orElseThrow(() -> new NotFoundException("Directory entry"));
        requireAdmin(caller);
        return entry;
    }

    private ContactPoint existingPoint(Actor caller, UUID entryId, UUID pointId) {
        return existing(caller, entryId).contactPoint(pointId).orElseThrow(() -> new NotFoundException("Contact point"));
    }

    private static void requireAdmin(Actor caller) {
        if (!caller.organisationAdmin()) {
            throw new AccessDeniedException("Only an organisation admin may change the directory");
        }
    }

    private void refuseDuplicate(Actor caller, String name, UUID except) {
        if (entries.nameTaken(caller.organisationId(), name, except)) {
            throw InvalidFieldException.coded("name", "directory.error.duplicate", name);
        }
    }

    private void refuseBreach(ContactDetails details) {
        Optional<InvalidFieldException> breach = mailDomains.breach(details);
        if (breach.isPresent()) {
            throw breach.get();
        }
    }

    private static String target(UUID entryId) {
        return "directory-entry:" + entryId;
    }

    private static String pointTarget(UUID pointId) {
        return "contact-point:" + pointId;
    }
}
