package org.caseshare.identity;

import java.time.Duration;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * Sign-in attempts counted in PostgreSQL, shared by every node: the same token buckets as
 * {@link InMemorySignInAttempts}, kept by Bucket4j's PostgreSQL integration (a row per key, locked
 * while an attempt is taken), so an attacker who spreads guesses over N nodes gets no more than on
 * one. A row outlives its window only until it would be full again; {@link #removeExpired} deletes
 * those, so made-up names cannot fill the table, and nothing needs forgetting early.
 */
class DatabaseSignInAttempts implements SignInAttempts {

    static final String TABLE = "sign_in_bucket";

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    DatabaseSignInAttempts(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE).idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    private BucketProxy bucket(String key, Allowance allowance) {
        return buckets.builder().build(key, () -> BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(allowance.attempts()).refillGreedy(allowance.attempts(), allowance.window()))
                .build());
    }

    @Override
    public long take(String key, Allowance allowance) {
        ConsumptionProbe probe = bucket(key, allowance).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
    }

    /** Adds the attempt back; Bucket4j drops what would go past the bucket's capacity. */
    @Override
    public void giveBack(String key, Allowance allowance) {
        bucket(key, allowance).addTokens(1);
    }

    /** Deletes up to {@code batch} buckets that are full again; returns how many. */
    int removeExpired(int batch) {
        return buckets.removeExpired(batch);
    }
}
