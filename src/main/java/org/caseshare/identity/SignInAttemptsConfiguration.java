package org.caseshare.identity;

import java.time.Duration;

import javax.sql.DataSource;

import org.caseshare.system.ClusterJob;
import org.caseshare.system.Databases;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where sign-in attempts are counted: in PostgreSQL, shared by every node, or — on the embedded H2
 * database, which only ever serves one node (the production profile refuses it) — in memory.
 */
@Configuration(proxyBeanMethods = false)
class SignInAttemptsConfiguration {

    @Bean
    SignInAttempts signInAttempts(DataSource dataSource, SignInThrottleProperties throttle) {
        return Databases.isPostgres(dataSource) ? new DatabaseSignInAttempts(dataSource) : new InMemorySignInAttempts(throttle.capacity());
    }

    /** Deletes the shared buckets that are full again, once across the cluster. */
    @Bean
    ClusterJob signInBucketCleanupJob(SignInAttempts attempts) {
        return new ClusterJob("sign-in-bucket-cleanup", Duration.ofMinutes(5), () -> {
            if (attempts instanceof DatabaseSignInAttempts shared) {
                while (shared.removeExpired(1000) == 1000) {
                    // another batch
                }
            }
        });
    }
}
