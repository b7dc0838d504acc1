package org.caseshare.exchange;

import org.caseshare.support.OnPostgres;

@OnPostgres
class DamagedDownloadOnPostgresIntegrationTests extends DamagedDownloadTests {
}
