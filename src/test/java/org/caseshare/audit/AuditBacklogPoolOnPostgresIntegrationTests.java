package org.caseshare.audit;

import org.caseshare.support.OnPostgres;

@OnPostgres
class AuditBacklogPoolOnPostgresIntegrationTests extends AuditBacklogPoolTests {
}
