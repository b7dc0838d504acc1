/**
 * Incidents: losses and suspected losses of personal information, and other breaches. Anyone on the
 * staff reports one — on its own, or from the sharing record, custody item or device concerned — with
 * what happened, when it was discovered, how many people and records, the likely consequences and the
 * actions taken (REFERENCES, "Breaches", UK GDPR Art. 33–34). The 72-hour clock to tell the ICO starts
 * at discovery and is shown wherever the incident appears. The organisation's data protection
 * officers are emailed at once (no personal data in the email) and find it on their list; only they
 * record the decision whether to notify the ICO and the people affected, with reasons either way.
 * Incidents are deleted only by retention ({@link org.caseshare.incident.IncidentErasure}: closed once
 * decided and, if the ICO was to be told, told) or erasure on request. Listens, synchronously in the
 * deleting transaction, to {@link org.caseshare.custody.CustodyItemErasing} and lets go of the item.
 * Decisions in docs/adr/0010-custody-and-incidents.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incident",
        allowedDependencies = {"sharing", "custody", "identity", "audit", "mail", "system"})
package org.caseshare.incident;
