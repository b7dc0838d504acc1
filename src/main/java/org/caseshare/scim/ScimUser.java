package org.caseshare.scim;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A SCIM User (RFC 7643 §4.1) as it is sent to us and as we answer. Only what Caseshare keeps is
 * read; the rest of what Entra ID sends (the enterprise extension, title, addresses…) is ignored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record ScimUser(List<String> schemas, String id, String externalId, String userName, Name name, String displayName,
        List<Email> emails, Boolean active, Meta meta) {

    static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Name(String formatted, String familyName, String givenName) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Email(String value, String type, Boolean primary) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Meta(String resourceType, String created, String lastModified, String location) {
    }

    /** The work address if one is marked, else the primary one, else the first; null if none. */
    String workEmail() {
        if (emails == null || emails.isEmpty()) {
            return null;
        }
        return emails.stream().filter(e -> e != null && "work".equalsIgnoreCase(e.type()) && e.value() != null).map(Email::value)
                .findFirst().orElse(emails.stream().filter(e -> e != null && Boolean.TRUE.equals(e.primary()) && e.value() != null)
                        .map(Email::value).findFirst().orElse(emails.get(0) == null ? null : emails.get(0).value()));
    }
}
