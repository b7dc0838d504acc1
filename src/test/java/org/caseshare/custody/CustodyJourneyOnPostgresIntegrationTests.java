package org.caseshare.custody;

import org.caseshare.support.OnPostgres;

@OnPostgres
class CustodyJourneyOnPostgresIntegrationTests extends CustodyJourneyTests {
}
