package org.caseshare.crypto;

import java.util.Optional;

/**
 * Something sealed under the key-encryption keyset that key rotation cannot re-seal in place (a
 * value inside a queued event, say), declared by the module that owns it. While any check gives a
 * reason, {@link KeyRotation#retire} leaves old keys enabled: disabling one would make that value
 * unreadable for good.
 */
@FunctionalInterface
public interface KeyRetirementCheck {

    /** Why old keys must stay enabled for now (no personal data), or empty when nothing here needs them. */
    Optional<String> reasonToKeepOldKeys();
}
