/**
 * Mail: outbound email. Through SMTP when {@code spring.mail.host} is set; otherwise written to
 * {@code <data-dir>/outbox} as .eml files that a system administrator can list — never lost, never
 * printed to the console. Bodies carry links and notices, never personal data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package org.caseshare.mail;
