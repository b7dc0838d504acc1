package org.caseshare.decision;

import org.caseshare.support.OnPostgres;

@OnPostgres
class DecideApiOnPostgresIntegrationTests extends DecideApiTests {
}
