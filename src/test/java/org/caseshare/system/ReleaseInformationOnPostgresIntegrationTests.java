package org.caseshare.system;

import org.caseshare.support.OnPostgres;

@OnPostgres
class ReleaseInformationOnPostgresIntegrationTests extends ReleaseInformationTests {
}
