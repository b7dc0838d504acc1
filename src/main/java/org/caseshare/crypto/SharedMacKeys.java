package org.caseshare.crypto;

import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * MAC keys that every node of a cluster must share (device cookies, audit entry seals), each created
 * on first use by whichever node needs it first and stored in {@code sealed_keyset} sealed under the
 * key-encryption keyset, so a copy of the database alone cannot use them.
 */
@Component
public class SharedMacKeys {

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final Map<String, MacKey> loaded = new ConcurrentHashMap<>();

    SharedMacKeys(JdbcClient jdbc, SecretBox secrets, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The key of that name. Created in a transaction of its own: a key created inside a caller's
     * transaction that then rolled back would be gone from the database but still in use here.
     */
    public MacKey key(String name) {
        return loaded.computeIfAbsent(name, this::loadOrCreateOwn);
    }

    /**
     * Reads the key on the caller's connection and takes a second connection only to create it,
     * which happens once in an installation's life: a writer that holds a connection and waits for
     * another while every connection is held by such writers would wait for the pool's timeout.
     */
    private MacKey loadOrCreateOwn(String name) {
        try {
            MacKey stored = load(name);
            if (stored != null) {
                return stored;
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The key " + name + " cannot be used: " + e.getMessage(), e);
        }
        return ownTransaction.execute(status -> loadOrCreate(name));
    }

    private MacKey loadOrCreate(String name) {
        try {
            MacKey stored = load(name);
            if (stored != null) {
                return stored;
            }
            MacKey created = MacKey.generate();
            try {
                jdbc.sql("insert into sealed_keyset (name, sealed_keyset, created_at) values (?, ?, ?)")
                        .params(name, secrets.seal(created.toCleartextKeysetJson(), context(name)), Timestamp.from(clock.instant()))
                        .update();
                return created;
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                return load(name);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The key " + name + " cannot be used: " + e.getMessage(), e);
        }
    }

    private MacKey load(String name) throws GeneralSecurityException {
        String sealed = jdbc.sql("select sealed_keyset from sealed_keyset where name = ?").param(name)
                .query(String.class).optional().orElse(null);
        return sealed == null ? null : MacKey.fromCleartextKeysetJson(secrets.open(sealed, context(name)));
    }

    static String context(String name) {
        return "sealed-keyset:" + name;
    }
}
