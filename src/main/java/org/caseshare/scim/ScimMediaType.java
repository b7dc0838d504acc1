package org.caseshare.scim;

import org.springframework.http.MediaType;

/** SCIM's own media type (RFC 7644 §8.1); every answer under /scim/v2 carries it. */
final class ScimMediaType {

    static final String VALUE = "application/scim+json";
    static final MediaType SCIM_JSON = MediaType.parseMediaType(VALUE);

    private ScimMediaType() {
    }
}
