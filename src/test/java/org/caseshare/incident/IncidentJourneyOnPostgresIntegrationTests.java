package org.caseshare.incident;

import org.caseshare.support.OnPostgres;

@OnPostgres
class IncidentJourneyOnPostgresIntegrationTests extends IncidentJourneyTests {
}
