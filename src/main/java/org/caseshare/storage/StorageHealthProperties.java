package org.caseshare.storage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param timeout how long the readiness check waits for the blob store to answer before it reports
 *                it down (an S3 endpoint that accepts and never answers must not hang health)
 */
@ConfigurationProperties("caseshare.storage.health")
public record StorageHealthProperties(Duration timeout) {

    public StorageHealthProperties {
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
    }
}
