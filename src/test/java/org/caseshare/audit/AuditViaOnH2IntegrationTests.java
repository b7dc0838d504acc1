package org.caseshare.audit;

class AuditViaOnH2IntegrationTests extends AuditViaTests {
}
