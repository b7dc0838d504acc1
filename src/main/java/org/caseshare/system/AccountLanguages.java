package org.caseshare.system;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The language a person chose, kept on their account so that it follows them to any device and
 * any node. Implemented by the identity module.
 */
public interface AccountLanguages {

    /** The signed-in person's account, if the request has one. */
    Optional<UUID> signedIn();

    Optional<Locale> chosenBy(UUID accountId);

    void remember(UUID accountId, Locale language);

    /**
     * The languages to write to this person in: the one they chose, or none (which an email takes as
     * English) when they chose none.
     */
    default List<Locale> toWriteTo(UUID accountId) {
        return accountId == null ? List.of() : chosenBy(accountId).map(List::of).orElse(List.of());
    }
}
