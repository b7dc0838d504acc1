package org.caseshare.sharing;

import org.caseshare.support.OnPostgres;

@OnPostgres
class RegisterTotalsConcurrencyOnPostgresIntegrationTests extends RegisterTotalsConcurrencyTests {
}
