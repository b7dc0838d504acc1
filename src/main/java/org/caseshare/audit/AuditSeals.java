package org.caseshare.audit;

import java.util.HexFormat;

import org.caseshare.crypto.SharedMacKeys;
import org.springframework.stereotype.Component;

/**
 * Seals entries as their transactions write them (HMAC-SHA256, hex), with a key every node shares
 * and the database holds only sealed under the master keyset, so whoever can edit rows cannot forge
 * a seal for the edited row (ADR 0012).
 */
@Component
class AuditSeals {

    private static final String NAME = "audit-entry-seal";

    private final SharedMacKeys keys;

    AuditSeals(SharedMacKeys keys) {
        this.keys = keys;
    }

    String seal(PendingEntry entry) {
        return HexFormat.of().formatHex(keys.key(NAME).tag(AuditLeaf.sealed(entry)));
    }

    boolean matches(PendingEntry entry, String seal) {
        if (seal == null) {
            return false;
        }
        try {
            return keys.key(NAME).verify(HexFormat.of().parseHex(seal), AuditLeaf.sealed(entry));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
    }
}
