package org.caseshare.retention;

class AuditIdentifiersOnlyOnH2IntegrationTests extends AuditIdentifiersOnlyTests {
}
