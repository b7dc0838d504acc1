/**
 * Retention and erasure (UK GDPR Article 5(1)(e) and Article 17): a daily cluster job lists the
 * records of every kind (shares, decisions not to share, requests received, incidents, custody items,
 * hub packages) whose retention period under the organisation's policy has ended; a data protection
 * officer approves their deletion on {@code /retention} (or the policy chose automatic deletion, and
 * the job deletes them); a legal hold on a record, or on a person (covering all their records, even
 * later ones), stops both. A DPO may also erase everything held about one person. Deleting a record
 * removes its personal data through its owning module's API ({@link org.caseshare.sharing.SharingErasure},
 * {@link org.caseshare.incident.IncidentErasure}, {@link org.caseshare.custody.CustodyErasure},
 * {@link org.caseshare.exchange.PackageRetention}) and keeps an anonymous tombstone; every deletion
 * is audited by identifier and listed on a certificate the DPO can download.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Retention")
package org.caseshare.retention;
