package org.caseshare.identity;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Finds the account behind the email address typed at the password form. By email only: an account
 * id typed there is refused like any wrong sign-in, so the form has one way to name an account.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final Accounts accounts;

    AccountUserDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        String normalised;
        try {
            normalised = EmailAddress.normalise(email);
        } catch (IllegalArgumentException e) {
            throw new UsernameNotFoundException("No such account");
        }
        Account account = accounts.findByEmail(normalised).orElseThrow(() -> new UsernameNotFoundException("No such account"));
        String hash = accounts.passwordHash(account.id()).orElse(null);
        if (hash == null) {
            throw new UsernameNotFoundException("No password set");
        }
        return new CurrentUser(account, hash);
    }

    /**
     * Finds the account of a passkey sign-in, whose user entity is named after the account id. Given
     * to the passkey filter only, never to the password form.
     */
    static UserDetailsService byAccountId(Accounts accounts) {
        return id -> {
            Optional<UUID> accountId = canonicalId(id);
            Account account = accountId.flatMap(accounts::findById).orElseThrow(() -> new UsernameNotFoundException("No such account"));
            return new CurrentUser(account, accounts.passwordHash(account.id()).orElse(null));
        };
    }

    private static Optional<UUID> canonicalId(String value) {
        try {
            UUID id = UUID.fromString(value);
            return id.toString().equals(value) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
