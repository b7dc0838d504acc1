package org.caseshare.audit;

class AuditViewerOnH2IntegrationTests extends AuditViewerTests {
}
