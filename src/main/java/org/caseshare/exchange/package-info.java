/**
 * Exchange: the secure hub. Packages of files encrypted at source (one data key per file, wrapped by
 * the key-encryption key and optionally a package password) sent to named people at a partner
 * organisation, who must acknowledge the purpose, limits of consent and handling conditions before
 * downloading. Every download is audited; the first confirms receipt to the sender. Expiry, download
 * limits and revocation are enforced on the server and fail closed; afterwards the data keys are
 * destroyed (crypto-shredding) and the blobs deleted, while the package record and audit remain.
 *
 * <p>Events. Publishes {@link org.caseshare.sharing.PackageReceiptConfirmed} when a package sent under a
 * sharing record is first downloaded completely, and {@link org.caseshare.sharing.RequestedFilesReceived}
 * when the answer to a request for files made under a record is; the sharing register confirms
 * receipt on the record after the download commits. Listens ({@code PackageErasure}), synchronously in
 * the deleting transaction, to {@link org.caseshare.sharing.SharingRecordErasing}: packages under a
 * record deleted by retention or erasure are shredded and their copied texts blanked. Retention deletes
 * a closed package for good through {@link org.caseshare.exchange.PackageRetention}: keys destroyed,
 * blobs deleted after commit, rows removed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exchange")
package org.caseshare.exchange;
