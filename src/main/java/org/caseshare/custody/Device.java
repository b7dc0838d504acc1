package org.caseshare.custody;

import java.time.Instant;
import java.util.UUID;

import org.caseshare.system.Catalogue;
import org.caseshare.system.Languages;

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

    /** Why information may not be placed on it, in English, or null when it may. */
    public String whyNotUsable() {
        String code = whyNotUsableCode();
        return code == null ? null : Catalogue.text(Languages.ENGLISH, code);
    }

    /** Why information may not be placed on it, as a catalogue code, or null when it may. */
    public String whyNotUsableCode() {
        if (withdrawn()) {
            return "custody.error.device.withdrawn";
        }
        if (!encryptionVerified()) {
            return "custody.error.device.unverified";
        }
        return null;
    }

    public String label() {
        return type.displayName() + " " + assetTag;
    }

    /** The catalogue code of {@link #statusName()}, for the pages. */
    public String statusKey() {
        return withdrawn() ? "custody.device.status.withdrawn" : encryptionVerified() ? "custody.device.status.approved"
                : "custody.device.status.unverified";
    }

    /** In English, for the API. */
    public String statusName() {
        return withdrawn() ? "Withdrawn" : encryptionVerified() ? "Approved" : "Encryption not verified";
    }

    Device verified(UUID by, String name, Instant at, String method) {
        if (withdrawn()) {
            throw new CustodyRefusedException("custody.refused.withdrawn-verified");
        }
        return new Device(id, organisationId, type, assetTag, description, registeredBy, registeredAt, by, name, at, method, null, null,
                null, version);
    }

    Device withdrawnBy(UUID by, Instant at, String reason) {
        if (withdrawn()) {
            throw new CustodyRefusedException("custody.refused.already-withdrawn");
        }
        return new Device(id, organisationId, type, assetTag, description, registeredBy, registeredAt, encryptionVerifiedBy,
                encryptionVerifiedName, encryptionVerifiedAt, encryptionMethod, by, at, reason, version);
    }
}
