package org.caseshare.decision;

import org.caseshare.support.OnPostgres;

@OnPostgres
class PolicyJourneyOnPostgresIntegrationTests extends PolicyJourneyTests {
}
