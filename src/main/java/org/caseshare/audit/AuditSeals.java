package org.caseshare.audit;

import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;

import org.caseshare.crypto.EntrySealKey;
import org.caseshare.crypto.SecretBox;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals entries as their transactions write them, with a key created on first use and stored
 * sealed under the master keyset, so every node seals with the same key and a copy of the database
 * alone cannot forge one (ADR 0012).
 */
@Component
class AuditSeals {

    private static final String SEAL_CONTEXT = "audit-seal-key:1";

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private volatile EntrySealKey key;

    AuditSeals(JdbcClient jdbc, SecretBox secrets, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    String seal(PendingEntry entry) {
        return key().seal(AuditLeaf.sealed(entry));
    }

    boolean matches(PendingEntry entry, String seal) {
        return key().verify(seal, AuditLeaf.sealed(entry));
    }

    private EntrySealKey key() {
        EntrySealKey loaded = key;
        if (loaded == null) {
            synchronized (this) {
                if (key == null) {
                    // Its own transaction: a key created inside a business transaction that then
                    // rolled back would be gone from the database but still sealing entries here.
                    key = ownTransaction.execute(status -> loadOrCreate());
                }
                loaded = key;
            }
        }
        return loaded;
    }

    private EntrySealKey loadOrCreate() {
        try {
            EntrySealKey stored = load();
            if (stored != null) {
                return stored;
            }
            EntrySealKey created = EntrySealKey.generate();
            try {
                jdbc.sql("insert into audit_seal_key (id, sealed_keyset, created_at) values (1, ?, ?)")
                        .params(secrets.seal(created.toCleartextKeysetJson(), SEAL_CONTEXT), Timestamp.from(clock.instant()))
                        .update();
                return created;
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                return load();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The audit seal key cannot be used: " + e.getMessage(), e);
        }
    }

    private EntrySealKey load() throws GeneralSecurityException {
        var sealed = jdbc.sql("select sealed_keyset from audit_seal_key where id = 1").query(String.class).optional();
        return sealed.isEmpty() ? null : EntrySealKey.fromCleartextKeysetJson(secrets.open(sealed.get(), SEAL_CONTEXT));
    }
}
