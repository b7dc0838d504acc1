package org.caseshare.cli;

import org.caseshare.support.OnPostgres;

@OnPostgres
class KeyRotationOnPostgresIntegrationTests extends KeyRotationTests {
}
