package org.caseshare.identity;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseshare.directory.Organisation;
import org.caseshare.directory.Directory;
import org.caseshare.directory.OrganisationLanguage;
import org.caseshare.system.Actor;
import org.caseshare.system.ApiValidationException;
import org.caseshare.system.Callers;
import org.caseshare.system.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API for what identity offers: the caller, their organisation, its members and invitations.
 * Another organisation's objects are "not found" (404), never "forbidden", so ids cannot be probed.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class IdentityApiController {

    private final Members members;
    private final Invitations invitations;
    private final Directory organisations;

    IdentityApiController(Members members, Invitations invitations, Directory organisations) {
        this.members = members;
        this.invitations = invitations;
        this.organisations = organisations;
    }

    record MeResponse(UUID id, String email, String displayName, UUID organisationId, List<Role> roles, boolean systemAdmin) {
    }

    record OrganisationResponse(UUID id, String name, String kind, boolean tenant, Instant createdAt) {
        static OrganisationResponse of(Organisation o) {
            return new OrganisationResponse(o.id(), o.name(), o.kind().name(), o.tenant(), o.createdAt());
        }
    }

    record MemberResponse(UUID id, String email, String displayName, List<Role> roles, AccountStatus status, boolean secondFactorEnrolled) {
        static MemberResponse of(Account a) {
            return new MemberResponse(a.id(), a.email(), a.displayName(), a.roles().stream().sorted().toList(), a.status(), a.totpEnabled());
        }
    }

    /**
     * @param language optional: {@code en}, {@code cy} or {@code both} (Welsh first), the language of the
     *                 invitation email; left out, as before (English to someone joining one's own organisation)
     */
    record InvitationRequest(String email, String role, String language) {
    }

    record InvitationResponse(UUID id, String email, Role role, Instant expiresAt) {
    }

    @Callers("anyone with a token")
    @GetMapping("/me")
    MeResponse me(Actor user) {
        Account account = members.findById(user.accountId()).orElseThrow();
        return new MeResponse(account.id(), account.email(), account.displayName(), account.organisationId(),
                account.roles().stream().sorted().toList(), account.systemAdmin());
    }

    /** The caller's own organisation; a system administrator sees them all. */
    @Callers("own organisation (system admin: all)")
    @GetMapping("/organisations")
    List<OrganisationResponse> organisations(Actor user) {
        if (user.systemAdmin()) {
            return organisations.organisations().stream().map(OrganisationResponse::of).toList();
        }
        return organisations.organisation(user.organisationId()).stream().map(OrganisationResponse::of).toList();
    }

    @Callers("members of that organisation")
    @GetMapping("/organisations/{id}")
    OrganisationResponse organisation(Actor user, @PathVariable UUID id) {
        requireOwn(user, id);
        return OrganisationResponse.of(organisations.organisation(id).orElseThrow(() -> new NotFoundException("Organisation")));
    }

    @Callers("organisation admins")
    @GetMapping("/organisations/{id}/members")
    List<MemberResponse> members(Actor user, @PathVariable UUID id) {
        user.requireAdminOf(id);
        return members.list(id).stream().map(MemberResponse::of).toList();
    }

    @Callers("organisation admins")
    @GetMapping("/organisations/{id}/members/{memberId}")
    MemberResponse member(Actor user, @PathVariable UUID id, @PathVariable UUID memberId) {
        user.requireAdminOf(id);
        return MemberResponse.of(members.get(id, memberId));
    }

    @Callers("organisation admins")
    @PostMapping("/organisations/{id}/members/{memberId}/disable")
    MemberResponse disable(Actor user, @PathVariable UUID id, @PathVariable UUID memberId) {
        user.requireAdminOf(id);
        try {
            members.disable(id, memberId, user.accountId().toString());
        } catch (IllegalArgumentException e) {
            throw new ApiValidationException(e.getMessage());
        }
        return MemberResponse.of(members.get(id, memberId));
    }

    @Callers("organisation admins")
    @PostMapping("/organisations/{id}/invitations")
    ResponseEntity<InvitationResponse> invite(Actor user, @PathVariable UUID id,
            @RequestBody InvitationRequest request) {
        user.requireAdminOf(id);
        if (request == null || request.email() == null || !EmailAddress.valid(request.email())) {
            throw new ApiValidationException(Map.of("email", "Enter an email address in the correct format, like name@example.org"));
        }
        Role role;
        try {
            role = Role.parse(request.role());
        } catch (IllegalArgumentException e) {
            throw new ApiValidationException(Map.of("role", e.getMessage()));
        }
        OrganisationLanguage language = request.language() == null ? null : OrganisationLanguage.fromCode(request.language())
                .orElseThrow(() -> new ApiValidationException(Map.of("language", "Choose the language of the invitation email: one of en, cy, both")));
        try {
            Invitation invitation = invitations.invite(id, request.email(), role, user.accountId(), language);
            return ResponseEntity.created(URI.create("/api/v1/organisations/" + id + "/invitations/" + invitation.id()))
                    .body(new InvitationResponse(invitation.id(), invitation.email(), invitation.role(), invitation.expiresAt()));
        } catch (DuplicateAccountException e) {
            throw new ApiValidationException(Map.of("email", e.getMessage()));
        }
    }

    private static void requireOwn(Actor user, UUID organisationId) {
        if (!user.organisationId().equals(organisationId) && !user.systemAdmin()) {
            throw new NotFoundException("Organisation");
        }
    }
}
