package org.caseshare.identity;

import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;

import org.caseshare.crypto.MacKey;
import org.caseshare.crypto.SecretBox;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The MAC key that signs device cookies: created on first use and stored in the database sealed under
 * the key-encryption keyset, so every node of a cluster accepts the cookies any node gave out, and a
 * restart does not sign everyone's devices out of their exemption.
 */
@Component
class DeviceCookieKey {

    private static final String NAME = "device-cookie-mac";
    private static final String SEAL_CONTEXT = "sealed-keyset:" + NAME;

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final Clock clock;
    private volatile MacKey key;

    DeviceCookieKey(JdbcClient jdbc, SecretBox secrets, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
    }

    MacKey key() {
        MacKey loaded = key;
        if (loaded == null) {
            synchronized (this) {
                if (key == null) {
                    key = loadOrCreate();
                }
                loaded = key;
            }
        }
        return loaded;
    }

    private MacKey loadOrCreate() {
        try {
            MacKey stored = load();
            if (stored != null) {
                return stored;
            }
            MacKey created = MacKey.generate();
            try {
                jdbc.sql("insert into sealed_keyset (name, sealed_keyset, created_at) values (?, ?, ?)")
                        .params(NAME, secrets.seal(created.toCleartextKeysetJson(), SEAL_CONTEXT), Timestamp.from(clock.instant()))
                        .update();
                return created;
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                return load();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The device cookie key cannot be used: " + e.getMessage(), e);
        }
    }

    private MacKey load() throws GeneralSecurityException {
        String sealed = jdbc.sql("select sealed_keyset from sealed_keyset where name = ?").param(NAME)
                .query(String.class).optional().orElse(null);
        return sealed == null ? null : MacKey.fromCleartextKeysetJson(secrets.open(sealed, SEAL_CONTEXT));
    }
}
