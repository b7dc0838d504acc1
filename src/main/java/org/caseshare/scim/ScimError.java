package org.caseshare.scim;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** SCIM's error body (RFC 7644 §3.12). The status is a string there, as Entra ID expects it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ScimError(List<String> schemas, String status, String scimType, String detail) {

    static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    static ScimError of(int status, String scimType, String detail) {
        return new ScimError(List.of(SCHEMA), Integer.toString(status), scimType, detail);
    }
}
