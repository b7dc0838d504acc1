package org.caseshare.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param warnAbove unsent emails (queued or failed, not yet delivered) beyond which the "mailqueue" health
 *                  group reports WARNING
 */
@ConfigurationProperties("caseshare.mail.backlog")
public record MailBacklogProperties(Integer warnAbove) {

    public MailBacklogProperties {
        warnAbove = warnAbove == null ? 100 : warnAbove;
    }
}
