package org.caseshare.scim;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseshare.system.Actor;
import org.caseshare.system.ApiValidationException;
import org.caseshare.system.Callers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation admin's SCIM tokens in the API. Another organisation's tokens are "not found",
 * never "forbidden"; the secret is in the answer to the POST and nowhere else.
 */
@RestController
@RequestMapping(path = "/api/v1/organisations/{id}/scim-tokens", produces = "application/json")
class ScimTokensApiController {

    private final ScimTokens tokens;
    private final ScimResources resources;

    ScimTokensApiController(ScimTokens tokens, ScimResources resources) {
        this.tokens = tokens;
        this.resources = resources;
    }

    record ScimTokenRequest(String name, Integer expiresInDays) {
    }

    record ScimTokenResponse(UUID id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
        static ScimTokenResponse of(ScimToken token) {
            return new ScimTokenResponse(token.id(), token.name(), token.createdAt(), token.expiresAt(), token.lastUsedAt(),
                    token.revokedAt());
        }
    }

    record CreatedScimTokenResponse(ScimTokenResponse token, String secret, String scimUrl) {
    }

    @Callers("organisation admins")
    @GetMapping
    List<ScimTokenResponse> list(Actor user, @PathVariable UUID id) {
        user.requireAdminOf(id);
        return tokens.list(id).stream().map(ScimTokenResponse::of).toList();
    }

    @Callers("organisation admins")
    @PostMapping(consumes = "application/json")
    ResponseEntity<CreatedScimTokenResponse> create(Actor user, @PathVariable UUID id,
            @RequestBody(required = false) ScimTokenRequest request) {
        user.requireAdminOf(id);
        ScimTokenRequest body = request == null ? new ScimTokenRequest(null, null) : request;
        if (body.expiresInDays() != null && (body.expiresInDays() < 1 || body.expiresInDays() > ScimTokens.MAX_DAYS)) {
            throw new ApiValidationException(Map.of("expiresInDays", "Choose between 1 and " + ScimTokens.MAX_DAYS + " days"));
        }
        ScimTokens.CreatedToken created;
        try {
            created = tokens.create(id, body.name(), body.expiresInDays(), user.accountId());
        } catch (IllegalArgumentException e) {
            throw new ApiValidationException(Map.of("name", e.getMessage()));
        }
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + id + "/scim-tokens/" + created.token().id()))
                .body(new CreatedScimTokenResponse(ScimTokenResponse.of(created.token()), created.secret(), resources.base()));
    }

    @Callers("organisation admins")
    @DeleteMapping("/{tokenId}")
    ResponseEntity<Void> revoke(Actor user, @PathVariable UUID id, @PathVariable UUID tokenId) {
        user.requireAdminOf(id);
        tokens.revoke(id, tokenId, user.accountId());
        return ResponseEntity.noContent().build();
    }
}
