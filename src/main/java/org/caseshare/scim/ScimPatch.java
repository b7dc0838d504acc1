package org.caseshare.scim;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * A PATCH request (RFC 7644 §3.5.2). Entra ID writes {@code op} as "Replace" or "Add" (mixed case),
 * sometimes leaves out {@code path} and sends an object of attributes, and sends booleans as the
 * strings "True" and "False"; so the value stays a JSON node until {@link PatchOperations} reads it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ScimPatch(List<String> schemas, @JsonProperty("Operations") List<Operation> operations) {

    static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Operation(String op, String path, JsonNode value) {
    }
}
