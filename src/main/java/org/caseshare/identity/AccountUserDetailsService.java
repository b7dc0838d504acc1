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
}
