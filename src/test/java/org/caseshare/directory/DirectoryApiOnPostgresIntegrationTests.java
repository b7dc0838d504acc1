package org.caseshare.directory;

import org.caseshare.support.OnPostgres;

@OnPostgres
class DirectoryApiOnPostgresIntegrationTests extends DirectoryApiTests {
}
