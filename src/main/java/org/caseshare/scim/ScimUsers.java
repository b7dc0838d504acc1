package org.caseshare.scim;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.identity.Account;
import org.caseshare.identity.DuplicateAccountException;
import org.caseshare.identity.EmailAddress;
import org.caseshare.identity.Members;
import org.caseshare.identity.Provisioning;
import org.caseshare.identity.Role;
import org.caseshare.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The /Users resource for one organisation's provisioning client. Every change is audited with the
 * client as the actor and {@code via=scim}, naming accounts by id only. A deprovisioned member is
 * gone as far as SCIM is concerned (404), though their disabled account stays.
 */
@Service
class ScimUsers {

    private static final int MAX_COUNT = 200;

    private final Provisioning provisioning;
    private final Members members;
    private final ScimLinks links;
    private final ScimResources resources;
    private final AuditTrail audit;
    private final Clock clock;

    ScimUsers(Provisioning provisioning, Members members, ScimLinks links, ScimResources resources, AuditTrail audit, Clock clock) {
        this.provisioning = provisioning;
        this.members = members;
        this.links = links;
        this.resources = resources;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    ScimUser create(ScimClient client, ScimUser body) {
        UUID organisation = client.organisationId();
        UserDraft draft = ScimUserRules.draftOf(body, true);
        Optional<ScimLink> known = links.findByUserName(organisation, draft.userName);
        if (known.isPresent() && known.get().deprovisioned()) {
            // The provider brings back someone it deleted: the same account, so their history stays theirs.
            Account account = member(organisation, known.get().accountId());
            UserDraft before = draftOf(account, known.get());
            before.active = false;
            return update(client, account, known.get(), before, draft, "scim.user-restored");
        }
        if (known.isPresent() || provisioning.findByEmail(organisation, draft.userName).isPresent()) {
            throw uniqueness();
        }
        String email = EmailAddress.valid(draft.userName) ? draft.userName : draft.workEmail;
        if (!EmailAddress.valid(email)) {
            throw ScimException.invalidValue("userName or a work email must be an email address: people sign in with it.");
        }
        String name = Objects.requireNonNullElse(draft.shownName(), EmailAddress.normalise(email));
        Role role = provisioning.defaultRole(organisation);
        Account account;
        try {
            account = provisioning.create(organisation, email, name, Set.of(role));
        } catch (DuplicateAccountException e) {
            throw uniqueness();
        } catch (IllegalArgumentException e) {
            throw ScimException.invalidValue(e.getMessage());
        }
        ScimLink link = new ScimLink(account.id(), organisation, draft.userName.strip(), draft.externalId, draft.givenName,
                draft.familyName, null, clock.instant());
        links.save(link);
        audit.record(AuditEvent.success("scim.user-created", client.actor(), organisation, "account:" + account.id())
                .with("roles", role.name()).with("active", Boolean.toString(draft.active)));
        if (!draft.active) {
            deactivate(client, account, "scim.user-deactivated");
        }
        return resources.user(member(organisation, account.id()), link);
    }

    @Transactional(readOnly = true)
    ScimUser get(ScimClient client, UUID id) {
        Account account = member(client.organisationId(), id);
        return resources.user(account, visibleLink(client.organisationId(), id));
    }

    @Transactional(readOnly = true)
    ScimListResponse<ScimUser> search(ScimClient client, String filter, Integer startIndex, Integer count) {
        UUID organisation = client.organisationId();
        List<ScimUser> found = filter == null || filter.isBlank() ? all(organisation) : matching(organisation, ScimFilter.parse(filter));
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = count == null ? MAX_COUNT : Math.max(0, Math.min(count, MAX_COUNT));
        List<ScimUser> page = start > found.size() ? List.of() : found.subList(start - 1, Math.min(found.size(), start - 1 + size));
        return ScimListResponse.of(page, found.size(), start);
    }

    @Transactional
    ScimUser patch(ScimClient client, UUID id, ScimPatch patch) {
        Account account = member(client.organisationId(), id);
        ScimLink link = visibleLink(client.organisationId(), id);
        UserDraft before = draftOf(account, link);
        UserDraft after = PatchOperations.apply(before, patch);
        ScimUserRules.check(after);
        return update(client, account, link, before, after, null);
    }

    @Transactional
    ScimUser replace(ScimClient client, UUID id, ScimUser body) {
        Account account = member(client.organisationId(), id);
        ScimLink link = visibleLink(client.organisationId(), id);
        UserDraft before = draftOf(account, link);
        UserDraft after = ScimUserRules.draftOf(body, before.active);
        return update(client, account, link, before, after, null);
    }

    /**
     * Deprovisioning disables the account and marks it deprovisioned rather than deleting it: the
     * person's sharing decisions, audit entries and custody records must stay attributable to them.
     */
    @Transactional
    void delete(ScimClient client, UUID id) {
        Account account = member(client.organisationId(), id);
        ScimLink link = visibleLink(client.organisationId(), id);
        UserDraft state = draftOf(account, link);
        int ended = provisioning.deactivate(client.organisationId(), id);
        links.save(new ScimLink(id, client.organisationId(), state.userName, state.externalId, state.givenName, state.familyName,
                clock.instant(), clock.instant()));
        audit.record(AuditEvent.success("scim.user-deprovisioned", client.actor(), client.organisationId(), "account:" + id)
                .with("sessionsEnded", Integer.toString(ended)));
    }

    private ScimUser update(ScimClient client, Account account, ScimLink link, UserDraft before, UserDraft after, String restored) {
        UUID organisation = client.organisationId();
        List<String> fields = new ArrayList<>();
        if (!ScimLinks.key(before.userName).equals(ScimLinks.key(after.userName))) {
            links.findByUserName(organisation, after.userName).filter(other -> !other.accountId().equals(account.id()))
                    .ifPresent(other -> {
                        throw uniqueness();
                    });
            if (EmailAddress.valid(after.userName)) {
                changeEmail(organisation, account, after.userName);
            }
            fields.add("userName");
        }
        // A userName that is not an address (Entra can map one) leaves sign-in to the work email.
        if (!EmailAddress.valid(after.userName) && after.workEmail != null && !after.workEmail.equalsIgnoreCase(before.workEmail)) {
            if (!EmailAddress.valid(after.workEmail)) {
                throw ScimException.invalidValue("The work email must be an email address: people sign in with it.");
            }
            changeEmail(organisation, account, after.workEmail);
            fields.add("emails");
        }
        String shown = after.shownName();
        if (shown != null && !shown.equals(account.displayName())) {
            provisioning.rename(organisation, account.id(), shown);
            fields.add("displayName");
        }
        if (!Objects.equals(before.externalId, after.externalId)) {
            fields.add("externalId");
        }
        if (!Objects.equals(before.givenName, after.givenName) || !Objects.equals(before.familyName, after.familyName)) {
            fields.add("name");
        }
        ScimLink saved = new ScimLink(account.id(), organisation, after.userName.strip(), after.externalId, after.givenName,
                after.familyName, null, link == null || !fields.isEmpty() || before.active != after.active || restored != null
                        ? clock.instant() : link.updatedAt());
        links.save(saved);
        if (restored != null) {
            audit.record(AuditEvent.success(restored, client.actor(), organisation, "account:" + account.id()));
        }
        if (!fields.isEmpty()) {
            audit.record(AuditEvent.success("scim.user-updated", client.actor(), organisation, "account:" + account.id())
                    .with("fields", String.join(",", fields)));
        }
        if (before.active && !after.active) {
            deactivate(client, account, "scim.user-deactivated");
        } else if (!before.active && after.active) {
            provisioning.reactivate(organisation, account.id());
            audit.record(AuditEvent.success("scim.user-reactivated", client.actor(), organisation, "account:" + account.id()));
        }
        return resources.user(member(organisation, account.id()), saved);
    }

    private void changeEmail(UUID organisation, Account account, String email) {
        try {
            provisioning.changeEmail(organisation, account.id(), email);
        } catch (DuplicateAccountException e) {
            throw uniqueness();
        }
    }

    private void deactivate(ScimClient client, Account account, String action) {
        int ended = provisioning.deactivate(client.organisationId(), account.id());
        audit.record(AuditEvent.success(action, client.actor(), client.organisationId(), "account:" + account.id())
                .with("sessionsEnded", Integer.toString(ended)));
    }

    private List<ScimUser> all(UUID organisation) {
        Map<UUID, ScimLink> byAccount = links.list(organisation).stream().collect(Collectors.toMap(ScimLink::accountId, Function.identity()));
        return members.list(organisation).stream().filter(a -> byAccount.get(a.id()) == null || !byAccount.get(a.id()).deprovisioned())
                .map(a -> resources.user(a, byAccount.get(a.id()))).toList();
    }

    private List<ScimUser> matching(UUID organisation, ScimFilter filter) {
        if (filter.attribute() == ScimFilter.Attribute.EXTERNAL_ID) {
            return links.findByExternalId(organisation, filter.value()).stream()
                    .map(link -> resources.user(member(organisation, link.accountId()), link)).toList();
        }
        Optional<ScimLink> link = links.findByUserName(organisation, filter.value());
        if (link.isPresent()) {
            return link.get().deprovisioned() ? List.of() : List.of(resources.user(member(organisation, link.get().accountId()), link.get()));
        }
        // A member the provider has not linked yet is known by their email address.
        return provisioning.findByEmail(organisation, filter.value()).filter(a -> links.find(organisation, a.id()).isEmpty())
                .map(a -> List.of(resources.user(a, null))).orElse(List.of());
    }

    /** A member of the client's organisation; anyone else's id is simply not found, never forbidden. */
    private Account member(UUID organisation, UUID id) {
        try {
            return members.get(organisation, id);
        } catch (NotFoundException e) {
            throw ScimException.notFound();
        }
    }

    private ScimLink visibleLink(UUID organisation, UUID id) {
        ScimLink link = links.find(organisation, id).orElse(null);
        if (link != null && link.deprovisioned()) {
            throw ScimException.notFound();
        }
        return link;
    }

    private static UserDraft draftOf(Account account, ScimLink link) {
        UserDraft draft = new UserDraft();
        draft.userName = link == null ? account.email() : link.userName();
        draft.externalId = link == null ? null : link.externalId();
        draft.givenName = link == null ? null : link.givenName();
        draft.familyName = link == null ? null : link.familyName();
        draft.displayName = account.displayName();
        draft.workEmail = account.email();
        draft.active = account.active();
        return draft;
    }

    private static ScimException uniqueness() {
        return new ScimException(409, "uniqueness", "A user with this userName already exists.");
    }
}
