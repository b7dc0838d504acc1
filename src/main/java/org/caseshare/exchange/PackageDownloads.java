package org.caseshare.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.crypto.ContentAuthenticationException;
import org.caseshare.crypto.FileContext;
import org.caseshare.crypto.FileEncryption;
import org.caseshare.crypto.KeyAuthenticationException;
import org.caseshare.crypto.PasswordKey;
import org.caseshare.crypto.PasswordLock;
import org.caseshare.crypto.WrappedKey;
import org.caseshare.storage.BlobStore;
import org.caseshare.system.Actor;
import org.caseshare.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import static org.caseshare.exchange.Download.closeQuietly;

/**
 * Receiving a package: the recipient acknowledges its conditions, then downloads its files within
 * the limits. A damaged file is handed to {@link DamagedFiles}, a first complete download to
 * {@link Receipts}.
 */
@Service
public class PackageDownloads {

    private final JdbcClient jdbc;
    private final FileEncryption encryption;
    private final BlobStore blobs;
    private final PackageAccess access;
    private final PasswordChecks passwords;
    private final AuditTrail audit;
    private final Clock clock;
    private final Receipts receipts;
    private final DamagedFiles damagedFiles;
    private final ApplicationEventPublisher events;

    PackageDownloads(JdbcClient jdbc, FileEncryption encryption, BlobStore blobs, PackageAccess access, PasswordChecks passwords,
            AuditTrail audit, Clock clock, Receipts receipts, DamagedFiles damagedFiles, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.blobs = blobs;
        this.access = access;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.receipts = receipts;
        this.damagedFiles = damagedFiles;
    }

    /** Records that the recipient read and accepts the purpose, limits of consent and handling conditions. */
    @Transactional
    public void acknowledge(Actor caller, UUID packageId) {
        HubRow row = access.asRecipient(caller, packageId);
        if (!row.available(clock.instant())) {
            throw HubExceptions.gone();
        }
        int updated = jdbc.sql("""
                update hub_recipient set acknowledged_at = ?, acknowledged_by = ?
                where package_id = ? and email = ? and acknowledged_at is null""")
                .params(Timestamp.from(clock.instant()), caller.accountId(), packageId, access.email(caller)).update();
        if (updated == 1) {
            audit.record(AuditEvent.success("hub.package.acknowledged", caller.actorId(), caller.organisationId(), HubRow.target(packageId)));
        }
    }

    /**
     * Checks everything and counts the download, then commits: the caller streams {@link
     * Download#open} afterwards, outside the transaction. The count is a conditional UPDATE, so
     * concurrent requests can never exceed the limit.
     */
    @Transactional(noRollbackFor = ResponseStatusException.class)
    public Download startDownload(Actor caller, UUID packageId, UUID fileId, char[] password, String clientAddress) {
        HubRow row = access.asRecipient(caller, packageId);
        Instant now = clock.instant();
        if (!row.available(now)) {
            throw HubExceptions.gone();
        }
        String email = access.email(caller);
        Boolean acknowledged = jdbc.sql("select acknowledged_at is not null from hub_recipient where package_id = ? and email = ?")
                .params(packageId, email).query(Boolean.class).single();
        if (!acknowledged) {
            throw HubExceptions.acknowledgementRequired();
        }
        Map<String, Object> file = jdbc.sql("select sealed_name, wrapped_key, blob_key, size, damaged_at from hub_file where id = ? and package_id = ?")
                .params(fileId, packageId).query().listOfRows().stream().findFirst().orElseThrow(() -> new NotFoundException("File"));
        if (file.get("wrapped_key") == null) {
            throw HubExceptions.gone();
        }
        if (file.get("damaged_at") != null) {
            audit.record(AuditEvent.failure("hub.file.download-refused", caller.actorId(), caller.organisationId(), HubRow.target(packageId))
                    .with("file", fileId.toString()).with("reason", "damaged"));
            throw new FileDamagedException();
        }
        FileContext context = new FileContext(row.organisationId(), packageId, fileId);
        WrappedKey key = new WrappedKey((String) file.get("wrapped_key"));
        PasswordKey passwordKey = null;
        String name;
        try {
            if (key.passwordLocked()) {
                if (password == null || password.length == 0) {
                    throw HubExceptions.wrongPassword();
                }
                passwordKey = passwords.derive(password, PasswordLock.parse(row.passwordLock()));
            }
            name = encryption.openName((String) file.get("sealed_name"), key, context, passwordKey);
        } catch (KeyAuthenticationException | ResponseStatusException e) {
            if (passwordKey != null) {
                passwordKey.close();
            }
            audit.record(AuditEvent.failure("hub.file.download-refused", caller.actorId(), caller.organisationId(), HubRow.target(packageId))
                    .with("file", fileId.toString()).with("reason", "password"));
            throw HubExceptions.wrongPassword();
        }
        // the first segment is authenticated before the download is counted or any header sent
        InputStream content;
        try {
            content = encryption.decryptingStream(blobs.get((String) file.get("blob_key")), key, context, passwordKey);
        } catch (ContentAuthenticationException e) {
            closeQuietly(passwordKey);
            damagedFiles.record(caller, row.organisationId(), row.senderId(), packageId, fileId, null, DamagedFiles.Where.FIRST_SEGMENT);
            throw new FileDamagedException();
        } catch (IOException e) {
            closeQuietly(passwordKey);
            throw new UncheckedIOException("Cannot read a stored hub file", e);
        }
        int counted = jdbc.sql("""
                update hub_file set downloads = downloads + 1
                where id = ? and package_id = ? and wrapped_key is not null and downloads < ?
                  and exists (select 1 from hub_package p where p.id = ? and p.status = 'SENT' and p.expires_at > ?)""")
                .params(fileId, packageId, row.downloadLimit(), packageId, Timestamp.from(now)).update();
        if (counted != 1) {
            closeQuietly(passwordKey);
            closeQuietly(content);
            throw HubExceptions.gone();
        }
        try {
            return counted(caller, row, fileId, name, ((Number) file.get("size")).longValue(), content, passwordKey, now, clientAddress);
        } catch (RuntimeException e) {
            closeQuietly(content);
            closeQuietly(passwordKey);
            throw e;
        }
    }

    /** Records a counted download and hands it over, ready to stream; a first complete one is the receipt. */
    private Download counted(Actor caller, HubRow row, UUID fileId, String name, long size, InputStream content, PasswordKey passwordKey,
            Instant now, String clientAddress) {
        UUID packageId = row.id();
        UUID downloadId = UUID.randomUUID();
        jdbc.sql("insert into hub_download (id, package_id, file_id, account_id, downloaded_at, client_address) values (?, ?, ?, ?, ?, ?)")
                .params(downloadId, packageId, fileId, caller.accountId(), Timestamp.from(now), clientAddress).update();
        audit.record(AuditEvent.success("hub.file.downloaded", caller.actorId(), caller.organisationId(), HubRow.target(packageId))
                .with("file", fileId.toString()));
        events.publishEvent(new PackageDownloaded(row.organisationId(), packageId, fileId, downloadId, row.sharingRecordId(), now));
        Runnable damaged = () -> damagedFiles.record(caller, row.organisationId(), row.senderId(), packageId, fileId, downloadId,
                DamagedFiles.Where.LATER_SEGMENT);
        // Receipt is confirmed only once every byte has been read and authenticated, before the last
        // of them is sent: a transfer cut short by damage (or a dropped connection) confirms nothing.
        Runnable complete = () -> receipts.confirmIfFirst(caller, row, now);
        return new Download(name, size, content, damaged, complete, passwordKey);
    }
}
