/**
 * Sharing: the register of case-by-case shares, requests received and decisions not to share. A
 * {@link org.caseshare.sharing.SharingRecord} holds what was shared about whom, to whom, why, on what
 * lawful basis and under which policy version; its verbs guard the lifecycle (ready or awaiting
 * authorisation → authorised → shared only once every safeguard the policy requires is confirmed and,
 * for a request received, the caller verified by calling back → receipt confirmed → closed; or
 * refused, declined, cancelled). Personal data stays in the register's own tables: audit entries
 * carry identifiers and field names only. Every change is audited in the same transaction, and
 * counted in the same transaction in the register's daily and monthly totals
 * ({@link org.caseshare.sharing.RegisterTotals}) that the oversight figures read.
 *
 * <p>Events. The register listens ({@code ReceiptReports}) for reports that a recipient has the
 * information, and confirms receipt on the record: {@link org.caseshare.sharing.PackageReceiptConfirmed}
 * and {@link org.caseshare.sharing.RequestedFilesReceived}, published by exchange, after the download
 * commits (through the event publication registry, failed ones resubmitted by
 * {@code ReceiptReportRetries}); {@link org.caseshare.sharing.ReceiptConfirmedByLink}, published by
 * channels, synchronously in the link's transaction. Their types live here because exchange and
 * channels depend on this module; see docs/adr/0014-module-events.md. Publishes
 * {@link org.caseshare.sharing.SharingRecordErasing} synchronously, in the transaction of
 * {@link org.caseshare.sharing.SharingErasure#erase}, so channels and exchange delete what they keep
 * about the record with it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sharing")
package org.caseshare.sharing;
