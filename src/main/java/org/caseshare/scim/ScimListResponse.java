package org.caseshare.scim;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A page of results (RFC 7644 §3.4.2). SCIM spells the list "Resources", with a capital. */
record ScimListResponse<T>(List<String> schemas, int totalResults, int startIndex, int itemsPerPage,
        @JsonProperty("Resources") List<T> resources) {

    static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    static <T> ScimListResponse<T> of(List<T> page, int total, int startIndex) {
        return new ScimListResponse<>(List.of(SCHEMA), total, startIndex, page.size(), page);
    }
}
