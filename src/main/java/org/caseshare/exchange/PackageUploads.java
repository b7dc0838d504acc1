package org.caseshare.exchange;

import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.crypto.FileContext;
import org.caseshare.crypto.FileEncryption;
import org.caseshare.crypto.WrappedKey;
import org.caseshare.storage.BlobStore;
import org.caseshare.system.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds files to a draft package, encrypting them as they stream in. The upload runs outside any
 * transaction (it can be long); only recording the finished file is one.
 */
@Service
public class PackageUploads {

    private final JdbcClient jdbc;
    private final FileEncryption encryption;
    private final BlobStore blobs;
    private final PackageAccess access;
    private final AuditTrail audit;
    private final ExchangeProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;

    PackageUploads(JdbcClient jdbc, FileEncryption encryption, BlobStore blobs, PackageAccess access, AuditTrail audit,
            ExchangeProperties properties, Clock clock, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.blobs = blobs;
        this.access = access;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Encrypts a file into the draft while it streams in; nothing is visible unless it all arrived. */
    public UUID addFile(Actor caller, UUID packageId, String fileName, InputStream content, long declaredLength) {
        HubRow row = access.senderDraft(caller, packageId);
        long max = properties.maxFileSize().toBytes();
        if (declaredLength > max) {
            throw HubExceptions.tooLarge();
        }
        String name = SafeFileNames.neutralise(fileName);
        UUID fileId = UUID.randomUUID();
        FileContext context = new FileContext(row.organisationId(), packageId, fileId);
        WrappedKey key = encryption.newKey(context);
        String blobKey = "hub/" + packageId + "/" + fileId;
        long size = EncryptingUpload.store(blobs, blobKey, out -> {
            try (OutputStream encrypting = encryption.encryptingStream(out, key, context)) {
                return LimitedCopy.copy(content, encrypting, max);
            }
        });
        try {
            String sealedName = encryption.sealName(name, key, context);
            transactions.executeWithoutResult(status -> recordFile(caller, packageId, fileId, sealedName, key, blobKey, size));
        } catch (RuntimeException e) {
            blobs.delete(blobKey);
            throw e;
        }
        return fileId;
    }

    /** Checks again that it is still the sender's draft: it may have been sent or revoked while the file streamed in. */
    private void recordFile(Actor caller, UUID packageId, UUID fileId, String sealedName, WrappedKey key, String blobKey, long size) {
        access.senderDraft(caller, packageId);
        jdbc.sql("""
                insert into hub_file (id, package_id, sealed_name, wrapped_key, blob_key, size, downloads, created_at)
                values (?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(fileId, packageId, sealedName, key.encoded(), blobKey, size, Timestamp.from(clock.instant())).update();
        audit.record(AuditEvent.success("hub.file.uploaded", caller.actorId(), caller.organisationId(), HubRow.target(packageId))
                .with("file", fileId.toString()).with("size", Long.toString(size)));
    }
}
