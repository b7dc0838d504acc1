package org.caseshare.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What the sign-in form's name field names. The throttle must count an account's failures however
 * its name is typed: any case, spaces around it, Unicode compatibility forms (NFKC), or the account
 * id in any spelling {@link UUID#fromString} accepts (which passkey sign-in uses).
 */
final class SignInNames {

    private SignInNames() {
    }

    /** The typed name folded as emails are stored: NFKC, trimmed, lower case. */
    static String fold(String typed) {
        return typed == null ? "" : Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /** The account id this text spells, if it spells one. */
    static Optional<UUID> asId(String folded) {
        if (folded.isEmpty() || folded.length() > 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(folded));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** The account the typed name means, by id or by email. */
    static Optional<Account> resolve(String typed, Accounts accounts) {
        String folded = fold(typed);
        Optional<UUID> id = asId(folded);
        return id.isPresent() ? accounts.findById(id.get()) : folded.isEmpty() ? Optional.empty() : accounts.findByEmail(folded);
    }
}
