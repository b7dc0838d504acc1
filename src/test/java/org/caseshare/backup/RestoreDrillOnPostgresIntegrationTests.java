package org.caseshare.backup;

import org.caseshare.support.OnPostgres;

@OnPostgres
class RestoreDrillOnPostgresIntegrationTests extends RestoreDrillTests {
}
