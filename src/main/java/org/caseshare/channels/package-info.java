/**
 * Channels: carrying a share out for real, from its sharing record — the encrypted email attachment
 * with its password released by telephone or, after the recipient confirms receipt by a single-use
 * link, by a separate email; envelope labels and the posting reference; the fax pre-send checklist,
 * cover sheet and transmission report; telephone uses the register's own checklist and call-back.
 * Each step confirms the policy's safeguards on the record through the sharing API, so the record
 * is marked shared by the register's own lifecycle.
 *
 * <p>Events. Publishes {@link org.caseshare.sharing.ReceiptConfirmedByLink} when the recipient of an
 * emailed attachment uses the confirmation link, in the transaction that claims the link and before
 * the password is released; the sharing register confirms receipt on the record. Listens to none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels",
        allowedDependencies = {"sharing", "policy", "directory", "crypto", "mail", "document", "audit", "system"})
package org.caseshare.channels;
