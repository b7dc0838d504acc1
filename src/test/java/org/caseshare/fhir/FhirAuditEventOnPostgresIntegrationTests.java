package org.caseshare.fhir;

import org.caseshare.support.OnPostgres;

@OnPostgres
class FhirAuditEventOnPostgresIntegrationTests extends FhirAuditEventTests {
}
