package org.caseshare.crypto;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Part of readiness ("keyset"): a node started with another key-encryption keyset than the one the
 * data was sealed under would fail on the first thing it decrypts, so it must not be sent traffic.
 * The first check seals a known, public text in the database (table {@code keyset_canary}); every
 * check after that, on every node, must open it. The reason given names no key and no secret.
 */
@Component("keysetHealthIndicator")
public class KeysetHealthIndicator implements HealthIndicator {

    static final String CANARY = "caseshare keyset canary";
    static final String CONTEXT = "keyset-canary";

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final Clock clock;

    KeysetHealthIndicator(JdbcClient jdbc, SecretBox box, Clock clock) {
        this.jdbc = jdbc;
        this.box = box;
        this.clock = clock;
    }

    @Override
    public Health health() {
        String sealed = sealedCanary();
        try {
            if (CANARY.equals(box.open(sealed, CONTEXT))) {
                return Health.up().build();
            }
        } catch (RuntimeException wrongKey) {
            // falls through: which exception does not matter, and its message is not shown
        }
        return Health.down().withDetail("reason",
                "This node's key-encryption keyset cannot open what the database was sealed under: start it with the same keyset as the others").build();
    }

    /** When the canary was first sealed, or the primary key last changed: the age of the key in use. */
    public Optional<Instant> sealedAt() {
        return jdbc.sql("select created_at from keyset_canary where id = 1").query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    private String sealedCanary() {
        Optional<String> existing = jdbc.sql("select sealed from keyset_canary where id = 1").query(String.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbc.sql("insert into keyset_canary (id, sealed, created_at) values (1, ?, ?)")
                    .params(box.seal(CANARY, CONTEXT), Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException anotherNodeFirst) {
            // another node sealed it at the same moment: check against theirs
        }
        return jdbc.sql("select sealed from keyset_canary where id = 1").query(String.class).single();
    }
}
