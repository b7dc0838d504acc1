/**
 * Custody: personal information taken off site by hand or placed on a removable device, from the
 * moment it leaves to its return, secure disposal or secure deletion; and the organisation's register
 * of approved devices with who verified their encryption and when. An item past its due time is
 * listed for its holder and the organisation's managers and reminded by email (no personal data in
 * it); information left on a device beyond its time escalates to the managers and the data
 * protection officer. Only an approved, non-withdrawn device whose encryption is verified may receive
 * information. Every change is audited in the same transaction, with identifiers only. Items are
 * deleted only by retention or erasure ({@link org.caseshare.custody.CustodyErasure}), which publishes
 * {@link org.caseshare.custody.CustodyItemErasing} in the deleting transaction. Decisions in
 * docs/adr/0010-custody-and-incidents.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Custody",
        allowedDependencies = {"sharing", "identity", "audit", "mail", "system", "policy"})
package org.caseshare.custody;
