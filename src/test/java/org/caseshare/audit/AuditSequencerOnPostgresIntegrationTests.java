package org.caseshare.audit;

import org.caseshare.support.OnPostgres;

@OnPostgres
class AuditSequencerOnPostgresIntegrationTests extends AuditSequencerTests {

    @Override
    boolean postgres() {
        return true;
    }
}
