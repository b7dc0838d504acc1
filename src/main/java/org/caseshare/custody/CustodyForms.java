package org.caseshare.custody;

import java.util.List;

import org.caseshare.system.MultiLine;

/** What the custody pages and the API submit. Text as typed; the register reads and checks it. */
public final class CustodyForms {

    private CustodyForms() {
    }

    /** Taking information off site, by hand or on a device. */
    public record Take(String kind, @MultiLine String description, @MultiLine String reason, String dueDate, String dueTime, String deviceId,
            String sharingRecordId, List<String> safeguards) {
        public Take {
            kind = orEmpty(kind);
            description = orEmpty(description);
            reason = orEmpty(reason);
            dueDate = orEmpty(dueDate);
            dueTime = orEmpty(dueTime);
            deviceId = orEmpty(deviceId);
            sharingRecordId = orEmpty(sharingRecordId);
            safeguards = safeguards == null ? List.of() : List.copyOf(safeguards);
        }

        public static Take blank(String kind, String deviceId, String sharingRecordId) {
            return new Take(kind == null ? "" : kind, "", "", "", "17:00", deviceId == null ? "" : deviceId,
                    sharingRecordId == null ? "" : sharingRecordId, List.of());
        }
    }

    /** Closing an item: {@code returned} (with the date), {@code disposed} or {@code deleted} (with how). */
    public record Close(String outcome, String returnedOn, String how) {
        public Close {
            outcome = orEmpty(outcome);
            returnedOn = orEmpty(returnedOn);
            how = orEmpty(how);
        }
    }

    /** A device for the register of approved devices. */
    public record NewDevice(String type, String assetTag, String description) {
        public NewDevice {
            type = orEmpty(type);
            assetTag = orEmpty(assetTag);
            description = orEmpty(description);
        }
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
