package org.caseshare.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How webhooks are sent.
 *
 * @param allowPrivateTargets lets endpoints on loopback, private or link-local addresses (and plain
 *                            http) through; for a case system on the same private network, or tests.
 *                            Off by default: otherwise anyone who can add an endpoint can make the
 *                            server call its own internal services
 * @param sendEvery           how often the cluster job looks for due deliveries
 * @param connectTimeout      how long to wait for the receiver to accept the connection
 * @param readTimeout         how long to wait for its answer
 * @param maxAttempts         attempts before a delivery is given up as failed
 * @param firstRetryAfter     the wait after the first failure; it doubles after each further one
 * @param maxRetryWait        the longest wait between two attempts
 */
@ConfigurationProperties("caseshare.webhooks")
record WebhookProperties(boolean allowPrivateTargets, Duration sendEvery, Duration connectTimeout, Duration readTimeout, int maxAttempts,
        Duration firstRetryAfter, Duration maxRetryWait) {

    WebhookProperties {
        sendEvery = sendEvery == null ? Duration.ofSeconds(30) : sendEvery;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        maxAttempts = maxAttempts <= 0 ? 10 : maxAttempts;
        firstRetryAfter = firstRetryAfter == null ? Duration.ofMinutes(1) : firstRetryAfter;
        maxRetryWait = maxRetryWait == null ? Duration.ofHours(6) : maxRetryWait;
    }

    /** The wait after the given number of failed attempts: first, doubled each time, at most the maximum. */
    Duration waitAfter(int failedAttempts) {
        Duration wait = firstRetryAfter;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxRetryWait) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetryWait) > 0 ? maxRetryWait : wait;
    }
}
