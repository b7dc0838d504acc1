package org.caseshare.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.caseshare.exchange.PackageDownloaded;
import org.caseshare.incident.IncidentOpened;
import org.caseshare.sharing.RecordReceiptConfirmed;
import org.caseshare.sharing.RecordShared;
import org.caseshare.sharing.ShareRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' events into delivery rows, after their transactions commit, through the
 * event publication registry: an event not yet handled when a node dies is handled after restart.
 * It writes rows only; {@link WebhookSender} does the sending. The data are identifiers and times.
 * The listener ids are stored with each publication, so they must not change with a rename.
 */
@Component
class WebhookListener {

    private final Deliveries deliveries;

    WebhookListener(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @ApplicationModuleListener(id = "webhook.share-recorded")
    void on(ShareRecorded event) {
        deliveries.queue(event.organisationId(), EventType.SHARE_RECORDED, key(event.sharingRecordId(), event.recordedAt()), event.recordedAt(),
                record(event.organisationId(), event.sharingRecordId(), event.reference()));
    }

    @ApplicationModuleListener(id = "webhook.record-shared")
    void on(RecordShared event) {
        deliveries.queue(event.organisationId(), EventType.SHARED, key(event.sharingRecordId(), event.sharedAt()), event.sharedAt(),
                record(event.organisationId(), event.sharingRecordId(), event.reference()));
    }

    @ApplicationModuleListener(id = "webhook.receipt-confirmed")
    void on(RecordReceiptConfirmed event) {
        deliveries.queue(event.organisationId(), EventType.RECEIPT_CONFIRMED, key(event.sharingRecordId(), event.confirmedAt()),
                event.confirmedAt(), record(event.organisationId(), event.sharingRecordId(), event.reference()));
    }

    @ApplicationModuleListener(id = "webhook.package-downloaded")
    void on(PackageDownloaded event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("organisationId", event.organisationId().toString());
        data.put("packageId", event.packageId().toString());
        data.put("fileId", event.fileId().toString());
        data.put("downloadId", event.downloadId().toString());
        if (event.sharingRecordId() != null) {
            data.put("recordId", event.sharingRecordId().toString());
        }
        deliveries.queue(event.organisationId(), EventType.PACKAGE_DOWNLOADED, event.downloadId().toString(), event.downloadedAt(), data);
    }

    @ApplicationModuleListener(id = "webhook.incident-opened")
    void on(IncidentOpened event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("organisationId", event.organisationId().toString());
        data.put("incidentId", event.incidentId().toString());
        if (event.sharingRecordId() != null) {
            data.put("recordId", event.sharingRecordId().toString());
        }
        data.put("discoveredAt", event.discoveredAt().toString());
        data.put("icoDeadline", event.icoDeadline().toString());
        deliveries.queue(event.organisationId(), EventType.INCIDENT_OPENED, event.incidentId().toString(), event.reportedAt(), data);
    }

    private static Map<String, Object> record(UUID organisationId, UUID recordId, String reference) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("organisationId", organisationId.toString());
        data.put("recordId", recordId.toString());
        if (reference != null) {
            data.put("reference", reference);
        }
        return data;
    }

    private static String key(UUID subject, Instant at) {
        return subject + "@" + at;
    }
}
