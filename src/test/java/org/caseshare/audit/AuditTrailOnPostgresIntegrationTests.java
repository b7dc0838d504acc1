package org.caseshare.audit;

import org.caseshare.support.OnPostgres;

@OnPostgres
class AuditTrailOnPostgresIntegrationTests extends AuditTrailTests {
    @Override
    boolean postgres() {
        return true;
    }
}
