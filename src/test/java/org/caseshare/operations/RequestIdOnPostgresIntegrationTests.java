package org.caseshare.operations;

import org.caseshare.support.OnPostgres;

@OnPostgres
class RequestIdOnPostgresIntegrationTests extends RequestIdTests {
}
