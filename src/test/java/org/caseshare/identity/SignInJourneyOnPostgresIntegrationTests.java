package org.caseshare.identity;

import org.caseshare.support.OnPostgres;

@OnPostgres
class SignInJourneyOnPostgresIntegrationTests extends SignInJourneyTests {
}
