package org.caseshare.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param listEvery how often the job lists what is due (and deletes it where the policy says automatic)
 * @param batchSize records deleted per transaction: small enough that no lock is held for long
 */
@ConfigurationProperties("caseshare.retention")
public record RetentionProperties(Duration listEvery, int batchSize) {

    public RetentionProperties {
        listEvery = listEvery == null ? Duration.ofDays(1) : listEvery;
        batchSize = batchSize <= 0 ? 200 : batchSize;
    }
}
