package org.caseshare.custody;

import java.time.Instant;
import java.util.UUID;

/**
 * An approved removable device of the organisation (safeguard {@code device.approved}). It may
 * receive information only once someone has verified its encryption ({@code device.encrypted}) and
 * while it is not withdrawn.
 */
public record Device(UUID id, UUID organisationId, DeviceType type, String assetTag, String description, UUID registeredBy,
        Instant registeredAt, UUID encryptionVerifiedBy, String encryptionVerifiedName, Instant encryptionVerifiedAt,
        String encryptionMethod, UUID withdrawnBy, Instant withdrawnAt, String withdrawnReason, int version) {

    public boolean encryptionVerified() {
        return encryptionVerifiedAt != null;
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    /** Whether information may be placed on it now. */
    public boolean usable() {
        return encryptionVerified() && !withdrawn();
    }

    /** Why information may not be placed on it, or null when it may. */
    public String whyNotUsable() {
        if (withdrawn()) {
            return "This device has been withdrawn: it cannot receive information";
        }
        if (!encryptionVerified()) {
            return "This device's encryption has not been verified: it cannot receive information";
        }
        return null;
    }

    public String label() {
        return type.displayName() + " " + assetTag;
    }

    public String statusName() {
        return withdrawn() ? "Withdrawn" : encryptionVerified() ? "Approved" : "Encryption not verified";
    }

    Device verified(UUID by, String name, Instant at, String method) {
        if (withdrawn()) {
            throw new CustodyRefusedException("A withdrawn device cannot be verified again");
        }
        return new Device(id, organisationId, type, assetTag, description, registeredBy, registeredAt, by, name, at, method, null, null,
                null, version);
    }

    Device withdrawnBy(UUID by, Instant at, String reason) {
        if (withdrawn()) {
            throw new CustodyRefusedException("This device is already withdrawn");
        }
        return new Device(id, organisationId, type, assetTag, description, registeredBy, registeredAt, encryptionVerifiedBy,
                encryptionVerifiedName, encryptionVerifiedAt, encryptionMethod, by, at, reason, version);
    }
}
