package org.caseshare.scim;

import java.util.List;

import org.caseshare.identity.Account;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How a member looks as a SCIM User, with the address it lives at. */
@Component
class ScimResources {

    private final String baseUrl;

    ScimResources(@Value("${caseshare.base-url}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    String base() {
        return baseUrl + "/scim/v2";
    }

    String location(Account account) {
        return base() + "/Users/" + account.id();
    }

    /** @param link null for a member the provider has not touched yet: their userName is their email */
    ScimUser user(Account account, ScimLink link) {
        String given = link == null ? null : link.givenName();
        String family = link == null ? null : link.familyName();
        String formatted = given == null && family == null ? null
                : ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        ScimUser.Name name = formatted == null ? null : new ScimUser.Name(formatted, family, given);
        String lastModified = (link == null ? account.createdAt() : link.updatedAt()).toString();
        return new ScimUser(List.of(ScimUser.SCHEMA), account.id().toString(), link == null ? null : link.externalId(),
                link == null ? account.email() : link.userName(), name, account.displayName(),
                List.of(new ScimUser.Email(account.email(), "work", true)), account.active(),
                new ScimUser.Meta("User", account.createdAt().toString(), lastModified, location(account)));
    }
}
