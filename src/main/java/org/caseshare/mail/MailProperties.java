package org.caseshare.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from        the sender address on every email Caseshare sends
 * @param retryEvery  how often each node looks for failed deliveries that are due another attempt
 * @param retryAfter  how long after a failure the first retry waits; each further one waits twice as long
 * @param retryAtMost the longest wait between two attempts
 */
@ConfigurationProperties("caseshare.mail")
public record MailProperties(String from, Duration retryEvery, Duration retryAfter, Duration retryAtMost) {

    public MailProperties {
        retryEvery = retryEvery == null ? Duration.ofMinutes(1) : retryEvery;
        retryAfter = retryAfter == null ? Duration.ofMinutes(1) : retryAfter;
        retryAtMost = retryAtMost == null ? Duration.ofHours(6) : retryAtMost;
    }
}
