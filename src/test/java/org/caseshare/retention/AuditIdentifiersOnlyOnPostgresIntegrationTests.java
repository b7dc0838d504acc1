package org.caseshare.retention;

import org.caseshare.support.OnPostgres;

@OnPostgres
class AuditIdentifiersOnlyOnPostgresIntegrationTests extends AuditIdentifiersOnlyTests {
}
