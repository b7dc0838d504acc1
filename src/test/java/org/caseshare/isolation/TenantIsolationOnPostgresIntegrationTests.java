package org.caseshare.isolation;

import org.caseshare.support.OnPostgres;

@OnPostgres
class TenantIsolationOnPostgresIntegrationTests extends TenantIsolationTests {
}
