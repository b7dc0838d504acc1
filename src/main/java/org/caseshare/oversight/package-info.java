/**
 * Oversight: what a data protection officer, a Caldicott guardian or a manager needs to see every
 * week about their organisation's disclosures — the register's figures for a period beside the period
 * before, what needs attention now, failed sign-ins — as a page with charts, CSV, an XLSX workbook and
 * JSON. It reads other modules only through their public queries ({@code sharing.RegisterFigures}, whose
 * totals count the records deleted under the retention schedule too, so the figures stay true,
 * {@code exchange.PackageFigures}, {@code audit.AuditCounts},
 * {@code incident.IncidentRegister}) and owns no tables. Publishes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Oversight",
        allowedDependencies = {"sharing", "exchange", "audit", "incident", "identity", "system"})
package org.caseshare.oversight;
