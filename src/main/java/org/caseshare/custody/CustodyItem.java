package org.caseshare.custody;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caseshare.system.Text;

/**
 * Personal information off site: what, held by whom, why, since when, due back (or, on a device,
 * to be deleted) by when, with the safeguards confirmed when it left. Closed by its return, its
 * secure disposal or, on a device, its secure deletion — never deleted.
 */
public record CustodyItem(UUID id, UUID organisationId, ItemKind kind, UUID holderId, String holderName, String description,
        String reason, Instant takenAt, Instant dueAt, UUID deviceId, UUID sharingRecordId, List<String> safeguards,
        ItemStatus status, UUID closedBy, String closedByName, Instant closedAt, String closedHow, Instant remindedAt,
        Instant escalatedAt, int version) {

    public CustodyItem {
        safeguards = List.copyOf(safeguards);
    }

    public boolean open() {
        return status == ItemStatus.OUT;
    }

    public boolean overdue(Instant now) {
        return open() && now.isAfter(dueAt);
    }

    /** Brought back on site (paper only: information on a device is closed by its secure deletion). */
    CustodyItem returned(UUID by, String name, Instant at) {
        requireOpen();
        if (kind == ItemKind.DEVICE) {
            throw new CustodyRefusedException("custody.refused.device-deleted-only");
        }
        return close(ItemStatus.RETURNED, by, name, at, null);
    }

    /** Paper securely disposed of off site (hand.return-promptly: "file or dispose of it securely"). */
    CustodyItem disposed(UUID by, String name, Instant at, String how) {
        requireOpen();
        if (kind == ItemKind.DEVICE) {
            throw new CustodyRefusedException("custody.refused.device-deleted-only");
        }
        return close(ItemStatus.DISPOSED, by, name, at, how);
    }

    /** device.delete-after-use: the information securely deleted off the device. */
    CustodyItem deleted(UUID by, String name, Instant at, String how) {
        requireOpen();
        if (kind != ItemKind.DEVICE) {
            throw new CustodyRefusedException("custody.refused.paper-not-deleted");
        }
        return close(ItemStatus.DELETED, by, name, at, how);
    }

    private void requireOpen() {
        if (!open()) {
            throw new CustodyRefusedException("custody.refused.closed", Text.of("custody.refused.closed." + status.name()));
        }
    }

    private CustodyItem close(ItemStatus to, UUID by, String name, Instant at, String how) {
        return new CustodyItem(id, organisationId, kind, holderId, holderName, description, reason, takenAt, dueAt, deviceId,
                sharingRecordId, safeguards, to, by, name, at, how, remindedAt, escalatedAt, version);
    }
}
