package org.caseshare.crypto;

import org.caseshare.support.OnPostgres;

@OnPostgres
class KmsContextOnPostgresIntegrationTests extends KmsContextTests {
}
