package org.caseshare.identity;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as Spring Security holds them: identity's own principal. Every other module
 * sees whoever is acting as an {@code Actor} (see {@link ActorResolver}). Its user name is the
 * account id, not the email address, so that session tables and logs hold no
 * personal data.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Held after the password step, before the second factor: enough to reach the MFA pages only. */
    public static final String PASSWORD_VERIFIED = "FACTOR_PASSWORD";
    /** Held once both factors are done (or for an API token): the authority every page asks for. */
    public static final String FULLY_AUTHENTICATED = "FACTOR_COMPLETE";
    public static final String SYSTEM_ADMIN = "ROLE_SYSTEM_ADMIN";

    private final UUID accountId;
    private final UUID organisationId;
    private final String displayName;
    private final Set<Role> roles;
    private final boolean systemAdmin;
    private final boolean totpEnabled;
    private final boolean active;
    private String passwordHash;

    CurrentUser(Account account, String passwordHash) {
        this.accountId = account.id();
        this.organisationId = account.organisationId();
        this.displayName = account.displayName();
        this.roles = account.roles();
        this.systemAdmin = account.systemAdmin();
        this.totpEnabled = account.totpEnabled();
        this.active = account.active();
        this.passwordHash = passwordHash;
    }

    public UUID accountId() {
        return accountId;
    }

    public UUID organisationId() {
        return organisationId;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean systemAdmin() {
        return systemAdmin;
    }

    boolean totpEnabled() {
        return totpEnabled;
    }

    /** The authorities after both factors: one per role, plus system admin and the completion mark. */
    List<GrantedAuthority> fullAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(FULLY_AUTHENTICATED));
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        if (systemAdmin) {
            authorities.add(new SimpleGrantedAuthority(SYSTEM_ADMIN));
        }
        return authorities;
    }

    /** Before the second factor the person holds only the password mark. */
    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(PASSWORD_VERIFIED));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return accountId.toString();
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CurrentUser user && user.accountId.equals(accountId);
    }

    @Override
    public int hashCode() {
        return accountId.hashCode();
    }

    @Override
    public String toString() {
        return "CurrentUser[" + accountId + "]";
    }
}
