package org.caseshare.system;

import org.caseshare.support.OnPostgres;

@OnPostgres
class HomeWorkQueueOnPostgresIntegrationTests extends HomeWorkQueueTests {
}
