package org.caseshare.exchange;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Secure hub limits.
 *
 * @param defaultExpiry        how long a package stays available unless the sender chooses less
 * @param maximumExpiry        the longest a sender may choose
 * @param defaultDownloadLimit downloads allowed per file unless the sender chooses otherwise
 * @param maximumDownloadLimit the most a sender may allow
 * @param maxFileSize          the largest file accepted (refused with 413 as early as possible)
 * @param orphanAge            how old an unreferenced blob or unfinished write must be before clean-up
 * @param concurrentPasswordChecks Argon2id derivations (64 MiB each) allowed at once
 */
@ConfigurationProperties("caseshare.exchange")
public record ExchangeProperties(Duration defaultExpiry, Duration maximumExpiry, Integer defaultDownloadLimit,
        Integer maximumDownloadLimit, DataSize maxFileSize, Duration orphanAge, Integer concurrentPasswordChecks) {

    public ExchangeProperties {
        defaultExpiry = defaultExpiry == null ? Duration.ofDays(14) : defaultExpiry;
        maximumExpiry = maximumExpiry == null ? Duration.ofDays(30) : maximumExpiry;
        defaultDownloadLimit = defaultDownloadLimit == null ? 3 : defaultDownloadLimit;
        maximumDownloadLimit = maximumDownloadLimit == null ? 10 : maximumDownloadLimit;
        maxFileSize = maxFileSize == null ? DataSize.ofGigabytes(2) : maxFileSize;
        orphanAge = orphanAge == null ? Duration.ofHours(6) : orphanAge;
        concurrentPasswordChecks = concurrentPasswordChecks == null ? 2 : concurrentPasswordChecks;
    }
}
