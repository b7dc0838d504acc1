package org.caseshare.identity;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.caseshare.system.AccountLanguages;
import org.caseshare.system.Languages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Keeps the language chosen with the switcher on the account ({@code account.language}). Not a
 * versioned change of the account: choosing a language must not make an administrator's open edit
 * of the same account stale.
 */
@Component
class AccountLanguageStore implements AccountLanguages {

    private final JdbcClient jdbc;

    AccountLanguageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UUID> signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            return Optional.of(user.accountId());
        }
        return Optional.empty();
    }

    @Override
    public Optional<Locale> chosenBy(UUID accountId) {
        return jdbc.sql("select language from account where id = ?").param(accountId).query(String.class).list().stream()
                .filter(Objects::nonNull).findFirst().flatMap(Languages::named);
    }

    @Override
    public void remember(UUID accountId, Locale language) {
        jdbc.sql("update account set language = ? where id = ?").params(language.getLanguage(), accountId).update();
    }
}
