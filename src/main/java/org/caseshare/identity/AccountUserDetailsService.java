package org.caseshare.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Finds the account behind the email address typed at login. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final Accounts accounts;

    AccountUserDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    /**
     * Finds the account by the email typed at sign-in, or by account id when a passkey signs in (its
     * user entity is named after the account id).
     */
    @Override
    public UserDetails loadUserByUsername(String email) {
        java.util.Optional<java.util.UUID> accountId = asUuid(email);
        if (accountId.isPresent()) {
            Account account = accounts.findById(accountId.get()).orElseThrow(() -> new UsernameNotFoundException("No such account"));
            return new CurrentUser(account, accounts.passwordHash(account.id()).orElse(null));
        }
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

    private static java.util.Optional<java.util.UUID> asUuid(String value) {
        try {
            return value != null && value.length() == 36 ? java.util.Optional.of(java.util.UUID.fromString(value)) : java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
