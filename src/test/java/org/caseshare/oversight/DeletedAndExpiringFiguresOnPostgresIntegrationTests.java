package org.caseshare.oversight;

import org.caseshare.support.OnPostgres;

@OnPostgres
class DeletedAndExpiringFiguresOnPostgresIntegrationTests extends DeletedAndExpiringFiguresTests {
}
