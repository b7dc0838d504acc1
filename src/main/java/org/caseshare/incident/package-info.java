/**
 * Incidents: losses and suspected losses of personal information, and other breaches. Anyone on the
 * staff reports one — on its own, or from the sharing record, custody item or device concerned — with
 * what happened, when it was discovered, how many people and records, the likely consequences and the
 * actions taken (REFERENCES, "Breaches", UK GDPR Art. 33–34). The 72-hour clock to tell the ICO starts
 * at discovery and is shown wherever the incident appears. The organisation's data protection
 * officers are emailed at once (no personal data in the email) and find it on their list; only they
 * record the decision whether to notify the ICO and the people affected, with reasons either way.
 * Incidents are never deleted. Decisions in docs/adr/0010-custody-and-incidents.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incident",
        allowedDependencies = {"sharing", "custody", "identity", "audit", "mail", "system"})
package org.caseshare.incident;
