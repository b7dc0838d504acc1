package org.caseshare.oversight;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the oversight figures.
 *
 * @param receiptDays after how many days a share still waiting for its receipt counts as outstanding
 */
@ConfigurationProperties("caseshare.oversight")
record OversightProperties(@DefaultValue("14") int receiptDays) {

    OversightProperties {
        if (receiptDays < 1) {
            throw new IllegalArgumentException("caseshare.oversight.receipt-days must be at least 1");
        }
    }
}
