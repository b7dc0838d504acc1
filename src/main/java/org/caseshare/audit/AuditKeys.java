package org.caseshare.audit;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.caseshare.audit.merkle.CheckpointSigner;
import org.caseshare.audit.merkle.CheckpointVerifier;
import org.caseshare.crypto.AuditSigningKey;
import org.caseshare.crypto.AuditVerifyingKey;
import org.caseshare.crypto.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit signing key, for checkpoints and for each entry: created on first use, stored in the
 * database sealed under the master keyset (see docs/adr/0002-audit-checkpoints.md), so every node of
 * a cluster signs with the same key while a copy of the database alone cannot sign anything.
 */
@Component
public class AuditKeys {

    private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);
    static final String SEAL_CONTEXT = "audit-signing-key:1";

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final String configuredOrigin;
    private final java.time.Clock clock;
    private final TransactionTemplate ownTransaction;
    private volatile AuditSigningKey key;
    private volatile int keyRow;
    private volatile long nextCheck;
    /** How often a node looks for a key that another node (or {@code caseshare keys rotate}) made current. */
    private static final long CHECK_EVERY_NANOS = java.time.Duration.ofSeconds(30).toNanos();

    AuditKeys(JdbcClient jdbc, SecretBox secrets, AuditProperties properties,
            @Value("${caseshare.base-url:http://localhost}") String baseUrl, java.time.Clock clock,
            PlatformTransactionManager transactions) {
        // The key is first needed inside whatever transaction writes the first entry; created in a
        // transaction of its own, it is kept even if that one rolls back, as the cached copy assumes.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
        this.configuredOrigin = properties.origin() == null || properties.origin().isBlank()
                ? hostOf(baseUrl) + "/audit" : properties.origin().strip();
    }

    /** The public key, as a C2SP verifier key string, to publish and to pin in verifiers. */
    public AuditVerifyingKey verifyingKey() {
        return key().verifyingKey();
    }

    /** The log's origin line, which is also the key's name. */
    public String origin() {
        return key().keyName();
    }

    CheckpointSigner signer() {
        AuditSigningKey signing = key();
        return CheckpointSigner.of(signing.keyName(), signing.keyId(), signing::sign);
    }

    static CheckpointVerifier verifier(AuditVerifyingKey key) {
        return CheckpointVerifier.of(key.keyName(), key.keyId(), key::verify);
    }

    /**
     * Every key that has signed for this log, current first: old checkpoints stay verifiable with the
     * key that signed them after a rotation. Public keys only (the column is not sealed).
     */
    public List<AuditVerifyingKey> verifyingKeys() {
        List<String> stored = jdbc.sql("select verifier_key from audit_signing_key order by id desc").query(String.class).list();
        List<AuditVerifyingKey> all = new ArrayList<>();
        for (String verifierKey : stored) {
            try {
                all.add(AuditVerifyingKey.parse(verifierKey));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("A stored audit verifier key is malformed: " + e.getMessage(), e);
            }
        }
        return all.isEmpty() ? List.of(verifyingKey()) : all;
    }

    /**
     * Makes a new signing key current. The old one stays stored (its public half verifies what it
     * signed); every node picks the new one up within half a minute. Returns the new key's row id.
     */
    synchronized int rotate() {
        key();
        return ownTransaction.execute(status -> {
            try {
                int next = jdbc.sql("select max(id) from audit_signing_key").query(Integer.class).single() + 1;
                AuditSigningKey created = AuditSigningKey.generate(origin());
                jdbc.sql("insert into audit_signing_key (id, key_name, verifier_key, sealed_keyset, created_at) values (?, ?, ?, ?, ?)")
                        .params(next, created.keyName(), created.verifyingKey().verifierKey(),
                                secrets.seal(created.toCleartextKeysetJson(), SEAL_CONTEXT), Timestamp.from(clock.instant()))
                        .update();
                key = created;
                keyRow = next;
                log.info("Rotated the audit signing key: now {}", created.verifyingKey().verifierKey());
                return next;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("A new audit signing key cannot be made: " + e.getMessage(), e);
            }
        });
    }

    private AuditSigningKey key() {
        AuditSigningKey loaded = key;
        if (loaded == null || System.nanoTime() - nextCheck > 0) {
            synchronized (this) {
                // Reading the key needs no transaction of its own, so it uses the caller's connection;
                // only creating it (once in an installation's life) takes a second one. A writer holding
                // a connection while it waits here for another could otherwise exhaust the pool.
                if (key == null) {
                    key = loadOrCreateOwn();
                } else if (System.nanoTime() - nextCheck > 0) {
                    Integer newest = jdbc.sql("select max(id) from audit_signing_key").query(Integer.class).single();
                    if (newest != null && newest != keyRow) {
                        key = loadOrCreateOwn();
                    }
                }
                nextCheck = System.nanoTime() + CHECK_EVERY_NANOS;
                loaded = key;
            }
        }
        return loaded;
    }

    private AuditSigningKey loadOrCreateOwn() {
        try {
            AuditSigningKey stored = load();
            if (stored != null) {
                return stored;
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The audit signing key cannot be used: " + e.getMessage(), e);
        }
        return ownTransaction.execute(status -> loadOrCreate());
    }

    private AuditSigningKey loadOrCreate() {
        try {
            var stored = load();
            if (stored != null) {
                return stored;
            }
            AuditSigningKey created = AuditSigningKey.generate(configuredOrigin);
            try {
                keyRow = 1;
                jdbc.sql("insert into audit_signing_key (id, key_name, verifier_key, sealed_keyset, created_at) values (1, ?, ?, ?, ?)")
                        .params(created.keyName(), created.verifyingKey().verifierKey(),
                                secrets.seal(created.toCleartextKeysetJson(), SEAL_CONTEXT), Timestamp.from(clock.instant()))
                        .update();
                log.info("Created the audit checkpoint signing key {}", created.verifyingKey().verifierKey());
                return created;
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                return load();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The audit signing key cannot be used: " + e.getMessage(), e);
        }
    }

    private AuditSigningKey load() throws GeneralSecurityException {
        // The current key is the newest row; rows are never deleted, so older keys still verify.
        var row = jdbc.sql("select key_name, verifier_key, sealed_keyset, id from audit_signing_key"
                        + " where id = (select max(id) from audit_signing_key)")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}).optional();
        if (row.isEmpty()) {
            return null;
        }
        String[] r = row.get();
        keyRow = Integer.parseInt(r[3]);
        AuditSigningKey signing = AuditSigningKey.fromCleartextKeysetJson(r[0], secrets.open(r[2], SEAL_CONTEXT));
        // The public key is derived from the sealed private key; a replaced column is a sign of tampering.
        if (!signing.verifyingKey().verifierKey().equals(r[1])) {
            throw new GeneralSecurityException("the stored verifier key does not match the sealed signing key");
        }
        return signing;
    }

    private static String hostOf(String baseUrl) {
        try {
            String host = URI.create(baseUrl).getHost();
            return host == null || host.isBlank() ? "caseshare" : host;
        } catch (IllegalArgumentException e) {
            return "caseshare";
        }
    }
}
