package org.caseshare.audit;

class AuditProofsApiOnH2IntegrationTests extends AuditProofsApiTests {
}
