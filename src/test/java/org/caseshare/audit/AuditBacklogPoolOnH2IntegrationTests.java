package org.caseshare.audit;

class AuditBacklogPoolOnH2IntegrationTests extends AuditBacklogPoolTests {
}
