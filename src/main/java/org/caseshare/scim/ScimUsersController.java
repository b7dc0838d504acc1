package org.caseshare.scim;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * /scim/v2/Users for the organisation whose token was presented. Bodies are read as bytes and bound
 * to records here, so that any content type a provider sends (application/scim+json,
 * application/json) is accepted and unreadable JSON is a SCIM error, not the API's problem details.
 */
@RestController
@RequestMapping("/scim/v2/Users")
class ScimUsersController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ScimUsers users;

    ScimUsersController(ScimUsers users) {
        this.users = users;
    }

    @PostMapping
    ResponseEntity<ScimUser> create(@AuthenticationPrincipal ScimClient client, @RequestBody(required = false) byte[] body) {
        ScimUser created = users.create(client, read(body, ScimUser.class));
        return ResponseEntity.created(URI.create(created.meta().location())).contentType(ScimMediaType.SCIM_JSON).body(created);
    }

    @GetMapping("/{id}")
    ResponseEntity<ScimUser> get(@AuthenticationPrincipal ScimClient client, @PathVariable UUID id) {
        return ok(users.get(client, id));
    }

    @GetMapping
    ResponseEntity<ScimListResponse<ScimUser>> search(@AuthenticationPrincipal ScimClient client,
            @RequestParam(required = false) String filter, @RequestParam(required = false) Integer startIndex,
            @RequestParam(required = false) Integer count) {
        return ok(users.search(client, filter, startIndex, count));
    }

    @PatchMapping("/{id}")
    ResponseEntity<ScimUser> patch(@AuthenticationPrincipal ScimClient client, @PathVariable UUID id,
            @RequestBody(required = false) byte[] body) {
        return ok(users.patch(client, id, read(body, ScimPatch.class)));
    }

    @PutMapping("/{id}")
    ResponseEntity<ScimUser> replace(@AuthenticationPrincipal ScimClient client, @PathVariable UUID id,
            @RequestBody(required = false) byte[] body) {
        return ok(users.replace(client, id, read(body, ScimUser.class)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal ScimClient client, @PathVariable UUID id) {
        users.delete(client, id);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    private static <T> ResponseEntity<T> ok(T body) {
        return ResponseEntity.ok().contentType(ScimMediaType.SCIM_JSON).body(body);
    }

    private static <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw ScimException.invalidSyntax("The request needs a JSON body.");
        }
        try {
            T value = JSON.readValue(body, type);
            if (value == null) {
                throw ScimException.invalidSyntax("The request body must be a JSON object.");
            }
            return value;
        } catch (JacksonException e) {
            throw ScimException.invalidSyntax("The request body is not a JSON object SCIM can read.");
        }
    }
}
