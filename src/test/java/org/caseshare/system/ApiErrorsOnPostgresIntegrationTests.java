package org.caseshare.system;

import org.caseshare.support.OnPostgres;

@OnPostgres
class ApiErrorsOnPostgresIntegrationTests extends ApiErrorsTests {
}
