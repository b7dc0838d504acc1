package org.caseshare.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caseshare.system.Actor;
import org.caseshare.system.Callers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation admin's view of its members' personal access tokens: who owns each, when it was
 * made, when it expires and was last used — never the secret — and revoking one. Another
 * organisation's tokens are "not found", never "forbidden".
 */
@RestController
@RequestMapping(path = "/api/v1/organisations/{id}/tokens", produces = "application/json")
class OrganisationTokensApiController {

    private final ApiTokens tokens;

    OrganisationTokensApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record TokenResponse(UUID id, String name, UUID ownerId, String ownerName, Instant createdAt, Instant expiresAt,
            Instant lastUsedAt, Instant revokedAt) {
        static TokenResponse of(ApiTokens.OrganisationToken t) {
            ApiToken token = t.token();
            return new TokenResponse(token.id(), token.name(), token.accountId(), t.ownerName(), token.createdAt(), token.expiresAt(),
                    token.lastUsedAt(), token.revokedAt());
        }
    }

    @Callers("organisation admins")
    @GetMapping
    List<TokenResponse> list(Actor user, @PathVariable UUID id) {
        user.requireAdminOf(id);
        return tokens.listForOrganisation(id).stream().map(TokenResponse::of).toList();
    }

    @Callers("organisation admins")
    @DeleteMapping("/{tokenId}")
    ResponseEntity<Void> revoke(Actor user, @PathVariable UUID id, @PathVariable UUID tokenId) {
        user.requireAdminOf(id);
        tokens.revokeInOrganisation(id, tokenId, user.accountId());
        return ResponseEntity.noContent().build();
    }
}
