/**
 * FHIR for health partners: the register's disclosures exported as FHIR R4 {@code AuditEvent}s
 * following IHE Basic Audit Log Patterns' Privacy Disclosure (at the source), one by one or as a
 * search {@code Bundle} that a health system pulls by date with an API token. Read-only: it reads
 * sharing's {@link org.caseshare.sharing.SharingDisclosures} and audits each export with identifiers
 * only. HAPI FHIR's R4 structures build and serialise the resources; the FHIR context is created on
 * first use, so an installation nobody pulls from pays nothing at start.
 */
@org.springframework.modulith.ApplicationModule(displayName = "FHIR export")
package org.caseshare.fhir;
