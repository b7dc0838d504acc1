package org.caseshare.fhir;

class FhirAuditEventOnH2IntegrationTests extends FhirAuditEventTests {
}
