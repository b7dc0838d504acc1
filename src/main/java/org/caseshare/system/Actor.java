package org.caseshare.system;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;

/**
 * Whoever is acting, the one notion every module shares: their account, their organisation (the
 * tenant whose data they may touch) and their role names. Identity resolves it for any controller
 * method that takes an {@code Actor} parameter, however the person came in, so every module (even
 * those identity depends on, such as directory) can serve signed-in people without depending on
 * identity back. Identity's {@code Role.heldBy(actor)} checks a role by its enum constant.
 *
 * @param roles role names without the {@code ROLE_} prefix, e.g. {@code ORGANISATION_ADMIN}
 * @param via   how they came in (a password, SSO, an API token…); null when no request says, as for
 *              work started by an event or a job, or a session from before sign-in methods were kept
 */
public record Actor(UUID accountId, UUID organisationId, String displayName, Set<String> roles, SignInMethod via) {

    public static final String ORGANISATION_ADMIN = "ORGANISATION_ADMIN";
    public static final String PARTNER = "PARTNER";
    /** Not an organisation role: the person runs this Caseshare installation. */
    public static final String SYSTEM_ADMIN = "SYSTEM_ADMIN";

    public Actor {
        Objects.requireNonNull(accountId);
        Objects.requireNonNull(organisationId);
        displayName = displayName == null ? "" : displayName;
        roles = Set.copyOf(roles);
    }

    /** Someone acting outside a request (an event listener, a job, a test): no sign-in method. */
    public Actor(UUID accountId, UUID organisationId, String displayName, Set<String> roles) {
        this(accountId, organisationId, displayName, roles, null);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The same as {@link #hasRole}; the audit pages ask it this way. */
    public boolean hasRoleNamed(String role) {
        return hasRole(role);
    }

    /**
     * Staff of their organisation: any role besides partner. A login whose only role is partner sees
     * only what is addressed to it (or what it sent itself), even in its own organisation.
     */
    public boolean staff() {
        return roles.stream().anyMatch(role -> !role.equals(PARTNER));
    }

    public boolean systemAdmin() {
        return hasRole(SYSTEM_ADMIN);
    }

    public boolean organisationAdmin() {
        return hasRole(ORGANISATION_ADMIN);
    }

    /**
     * For endpoints that manage one organisation: another organisation is not found (404, so its id
     * cannot be probed), and in one's own only an organisation admin may act (403).
     */
    public void requireAdminOf(UUID organisationId) {
        if (!this.organisationId.equals(organisationId)) {
            throw new NotFoundException("Organisation");
        }
        if (!organisationAdmin()) {
            throw new AccessDeniedException("Only an organisation admin may do this");
        }
    }

    /** The actor id the audit trail records. */
    public String actorId() {
        return accountId.toString();
    }
}
