/**
 * Retention and erasure (UK GDPR Article 5(1)(e) and Article 17): a daily cluster job lists the
 * register records whose retention period under the organisation's policy has ended; a data
 * protection officer approves their deletion on {@code /retention} (or the policy chose automatic
 * deletion, and the job deletes them); a legal hold on a record stops both. A DPO may also erase
 * everything the register holds about one person. Deleting a record removes its personal data
 * through {@link org.caseshare.sharing.SharingErasure} and keeps an anonymous tombstone; every
 * deletion is audited by identifier and listed on a certificate the DPO can download.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Retention")
package org.caseshare.retention;
