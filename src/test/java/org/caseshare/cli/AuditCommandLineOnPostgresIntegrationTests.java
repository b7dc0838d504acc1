package org.caseshare.cli;

import org.caseshare.support.OnPostgres;

@OnPostgres
class AuditCommandLineOnPostgresIntegrationTests extends AuditCommandLineTests {
}
