package org.caseshare.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param from the sender address on every email Caseshare sends */
@ConfigurationProperties("caseshare.mail")
public record MailProperties(String from) {
}
