package org.caseshare.cli;

class AuditCommandLineOnH2IntegrationTests extends AuditCommandLineTests {
}
