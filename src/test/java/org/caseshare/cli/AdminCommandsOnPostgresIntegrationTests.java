package org.caseshare.cli;

import org.caseshare.support.OnPostgres;

@OnPostgres
class AdminCommandsOnPostgresIntegrationTests extends AdminCommandsTests {
}
