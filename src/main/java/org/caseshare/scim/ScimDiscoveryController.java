package org.caseshare.scim;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the provider reads to learn what we support (RFC 7644 §4): PATCH and filtering yes; bulk,
 * sort, ETags, password changes and Groups no. Anything else under /scim/v2 is a SCIM 404.
 */
@RestController
class ScimDiscoveryController {

    private final ScimResources resources;

    ScimDiscoveryController(ScimResources resources) {
        this.resources = resources;
    }

    @GetMapping("/scim/v2/ServiceProviderConfig")
    ResponseEntity<Map<String, Object>> serviceProviderConfig() {
        return ok(Map.of(
                "schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"),
                "patch", Map.of("supported", true),
                "bulk", Map.of("supported", false, "maxOperations", 0, "maxPayloadSize", 0),
                "filter", Map.of("supported", true, "maxResults", 200),
                "changePassword", Map.of("supported", false),
                "sort", Map.of("supported", false),
                "etag", Map.of("supported", false),
                "authenticationSchemes", List.of(Map.of("type", "oauthbearertoken", "name", "Bearer token",
                        "description", "A SCIM token made by the organisation admin on Caseshare's SCIM page", "primary", true)),
                "meta", Map.of("resourceType", "ServiceProviderConfig", "location", resources.base() + "/ServiceProviderConfig")));
    }

    @GetMapping("/scim/v2/ResourceTypes")
    ResponseEntity<ScimListResponse<Map<String, Object>>> resourceTypes() {
        return ok(ScimListResponse.of(List.of(userType()), 1, 1));
    }

    @GetMapping("/scim/v2/ResourceTypes/User")
    ResponseEntity<Map<String, Object>> userResourceType() {
        return ok(userType());
    }

    @GetMapping("/scim/v2/Schemas")
    ResponseEntity<ScimListResponse<Map<String, Object>>> schemas() {
        return ok(ScimListResponse.of(List.of(userSchema()), 1, 1));
    }

    @GetMapping("/scim/v2/Schemas/" + ScimUser.SCHEMA)
    ResponseEntity<Map<String, Object>> schema() {
        return ok(userSchema());
    }

    /** Groups are not provisioned: Caseshare's roles come from the IdP's claims at sign-in instead. */
    @RequestMapping({"/scim/v2/Groups", "/scim/v2/Groups/**"})
    ResponseEntity<ScimError> groups() {
        return ScimErrors.error(501, null, "Groups are not supported. Provision users only.");
    }

    @RequestMapping("/scim/v2/**")
    ResponseEntity<ScimError> nothingHere() {
        return ScimErrors.error(404, null, "There is nothing at this address.");
    }

    private Map<String, Object> userType() {
        return Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:ResourceType"), "id", "User", "name", "User",
                "endpoint", "/Users", "description", "A member of the organisation", "schema", ScimUser.SCHEMA,
                "meta", Map.of("resourceType", "ResourceType", "location", resources.base() + "/ResourceTypes/User"));
    }

    private Map<String, Object> userSchema() {
        return Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:Schema"), "id", ScimUser.SCHEMA, "name", "User",
                "description", "A member of the organisation",
                "attributes", List.of(
                        attribute("userName", true, "server", "string"),
                        attribute("externalId", false, "none", "string"),
                        attribute("displayName", false, "none", "string"),
                        Map.of("name", "name", "type", "complex", "multiValued", false, "required", false, "mutability", "readWrite",
                                "returned", "default", "subAttributes", List.of(attribute("formatted", false, "none", "string"),
                                        attribute("givenName", false, "none", "string"), attribute("familyName", false, "none", "string"))),
                        Map.of("name", "emails", "type", "complex", "multiValued", true, "required", false, "mutability", "readWrite",
                                "returned", "default", "subAttributes", List.of(attribute("value", false, "none", "string"),
                                        attribute("type", false, "none", "string"), attribute("primary", false, "none", "boolean"))),
                        attribute("active", false, "none", "boolean")),
                "meta", Map.of("resourceType", "Schema", "location", resources.base() + "/Schemas/" + ScimUser.SCHEMA));
    }

    private static Map<String, Object> attribute(String name, boolean required, String uniqueness, String type) {
        return Map.of("name", name, "type", type, "multiValued", false, "required", required, "caseExact", false,
                "mutability", "readWrite", "returned", "default", "uniqueness", uniqueness);
    }

    private static <T> ResponseEntity<T> ok(T body) {
        return ResponseEntity.ok().contentType(ScimMediaType.SCIM_JSON).body(body);
    }
}
