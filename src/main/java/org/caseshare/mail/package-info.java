/**
 * Mail: outbound email. {@link org.caseshare.mail.Mailer#send} queues it in the caller's transaction
 * (Spring Modulith's event publication registry); it is delivered after commit, on another thread,
 * through SMTP when {@code spring.mail.host} is set, otherwise put in the blob store
 * ({@code mail/outbox/}, shared by every node) as .eml files that a system administrator can list — never lost, never printed to the console. Failed
 * deliveries are retried with a growing wait and listed on /system/mail. Bodies carry links and
 * notices, never personal data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package org.caseshare.mail;
