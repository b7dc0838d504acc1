package org.caseshare.identity;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An organisation's OpenID Connect identity provider, as its admin configured it. The client secret
 * is not here: it stays sealed in the table and is opened only to build the client registration.
 *
 * @param roleClaim              the ID token claim holding groups or app roles (e.g. {@code groups}, {@code roles})
 * @param roleMappings           claim value to Caseshare role, in the order the admin gave them
 * @param defaultRole            the role of a person none of whose claim values is mapped
 * @param mfaAcrValues           {@code acr} values that the organisation counts as multi-factor
 * @param requireOwnSecondFactor ask for Caseshare's own second factor even when the provider asserts MFA
 */
record SsoProvider(UUID organisationId, String issuer, String clientId, String roleClaim, Map<String, Role> roleMappings,
        Role defaultRole, Set<String> mfaAcrValues, boolean requireOwnSecondFactor, List<String> domains) {

    SsoProvider {
        roleMappings = new LinkedHashMap<>(roleMappings);
        mfaAcrValues = new LinkedHashSet<>(mfaAcrValues);
        domains = List.copyOf(domains);
    }

    /** The roles for a person whose role claim holds these values: the mapped ones, else the default. */
    Set<Role> rolesFor(List<String> claimValues) {
        Set<Role> roles = new LinkedHashSet<>();
        for (String value : claimValues) {
            Role role = roleMappings.get(value);
            if (role != null) {
                roles.add(role);
            }
        }
        return roles.isEmpty() ? Set.of(defaultRole) : roles;
    }

    /** Whether the provider's own authentication counts as the second factor. */
    boolean acceptsProviderMfa(List<String> amr, String acr) {
        if (requireOwnSecondFactor) {
            return false;
        }
        return amr.contains("mfa") || (acr != null && mfaAcrValues.contains(acr));
    }

    boolean ownsDomain(String domain) {
        return domains.contains(domain);
    }
}
