package org.caseshare.system;

import org.caseshare.support.OnPostgres;

@OnPostgres
class ClusterJobsOnPostgresIntegrationTests extends ClusterJobsTests {
}
