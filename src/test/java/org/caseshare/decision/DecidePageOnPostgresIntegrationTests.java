package org.caseshare.decision;

import org.caseshare.support.OnPostgres;

@OnPostgres
class DecidePageOnPostgresIntegrationTests extends DecidePageTests {
}
