package org.caseshare.retention;

import org.caseshare.support.OnPostgres;

@OnPostgres
class RetentionKindsOnPostgresIntegrationTests extends RetentionKindsTests {
}
