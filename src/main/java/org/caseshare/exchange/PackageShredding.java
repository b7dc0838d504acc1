package org.caseshare.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.storage.BlobStore;
import org.caseshare.system.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How a package ends: revoked by its sender or expired by the sweep, then crypto-shredded (its data
 * keys and names destroyed, its blobs deleted) while the package record and audit remain.
 */
@Service
public class PackageShredding {

    private final JdbcClient jdbc;
    private final BlobStore blobs;
    private final PackageAccess access;
    private final AuditTrail audit;
    private final ExchangeProperties properties;
    private final Clock clock;

    PackageShredding(JdbcClient jdbc, BlobStore blobs, PackageAccess access, AuditTrail audit, ExchangeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.access = access;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public void revoke(Actor caller, UUID packageId) {
        HubRow row = access.asSenderOrganisation(caller, packageId);
        if (!row.senderId().equals(caller.accountId()) && !caller.organisationAdmin()) {
            throw new AccessDeniedException("Only the sender or an organisation admin may revoke");
        }
        int updated = jdbc.sql("update hub_package set status = 'REVOKED', revoked_at = ?, revoked_by = ? where id = ? and status in ('DRAFT', 'SENT')")
                .params(Timestamp.from(clock.instant()), caller.accountId(), packageId).update();
        if (updated != 1) {
            throw HubExceptions.gone();
        }
        audit.record(AuditEvent.success("hub.package.revoked", caller.actorId(), caller.organisationId(), HubRow.target(packageId)));
        shred(packageId, row.organisationId(), caller.actorId());
    }

    /** Expires every package past its date and shreds it; returns how many. Safe to run on every node. */
    @Transactional
    public int expireDue() {
        Instant now = clock.instant();
        List<Map<String, Object>> due = jdbc.sql("select id, organisation_id from hub_package where status in ('DRAFT', 'SENT') and expires_at <= ?")
                .param(Timestamp.from(now)).query().listOfRows();
        int expired = 0;
        for (Map<String, Object> p : due) {
            UUID id = (UUID) p.get("id");
            if (jdbc.sql("update hub_package set status = 'EXPIRED' where id = ? and status in ('DRAFT', 'SENT')").param(id).update() == 1) {
                audit.record(AuditEvent.success("hub.package.expired", "system", (UUID) p.get("organisation_id"), HubRow.target(id)));
                shred(id, (UUID) p.get("organisation_id"), "system");
                expired++;
            }
        }
        return expired;
    }

    /**
     * The register record a package was sent under is being deleted (retention or erasure): the
     * package is revoked if still open, shredded if not already, and its purpose and conditions,
     * copied from the record, are blanked. The row stays, with its dates, for the hub's statistics.
     */
    void erase(UUID packageId, UUID organisationId) {
        Instant now = clock.instant();
        jdbc.sql("update hub_package set status = 'REVOKED', revoked_at = ? where id = ? and status in ('DRAFT', 'SENT')")
                .params(Timestamp.from(now), packageId).update();
        boolean shredded = jdbc.sql("select shredded_at is not null from hub_package where id = ?").param(packageId).query(Boolean.class).single();
        if (!shredded) {
            shred(packageId, organisationId, "system");
        }
        jdbc.sql("update hub_package set purpose = ?, consent_limits = ?, further_handling = ?, sharing_record_id = null where id = ?")
                .params(ERASED, ERASED, ERASED, packageId).update();
        audit.record(AuditEvent.success("hub.package.erased", "system", organisationId, HubRow.target(packageId)));
    }

    /** What a blanked text column of an erased package or request reads. */
    static final String ERASED = "(erased)";

    /** Destroys the data keys and names (so the blobs can never be read again), then deletes the blobs after commit. */
    void shred(UUID packageId, UUID organisationId, String actor) {
        List<String> blobKeys = jdbc.sql("select blob_key from hub_file where package_id = ?").param(packageId).query(String.class).list();
        jdbc.sql("update hub_file set wrapped_key = null, sealed_name = null where package_id = ?").param(packageId).update();
        jdbc.sql("update hub_package set shredded_at = ? where id = ?").params(Timestamp.from(clock.instant()), packageId).update();
        audit.record(AuditEvent.success("hub.package.shredded", actor, organisationId, HubRow.target(packageId))
                .with("files", Integer.toString(blobKeys.size())));
        Runnable deleteBlobs = () -> blobKeys.forEach(key -> {
            try {
                blobs.delete(key);
            } catch (RuntimeException e) {
                // unreadable already; the orphan sweep retries
            }
        });
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deleteBlobs.run();
                }
            });
        } else {
            deleteBlobs.run();
        }
    }

    /**
     * Deletes blobs no readable file refers to (uploads cut off between storing and recording, or
     * shredded files whose deletion failed) and unfinished writes, once older than the orphan age.
     */
    public int removeOrphans() {
        Instant cutoff = clock.instant().minus(properties.orphanAge());
        int removed = blobs.removeIncomplete(cutoff);
        for (String key : blobs.keysOlderThan("hub", cutoff)) {
            Integer live = jdbc.sql("select count(*) from hub_file where blob_key = ? and wrapped_key is not null").param(key).query(Integer.class).single();
            if (live == 0) {
                blobs.delete(key);
                removed++;
            }
        }
        return removed;
    }
}
