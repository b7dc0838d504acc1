package org.caseshare.directory;

import org.caseshare.support.OnPostgres;

@OnPostgres
class DirectoryJourneyOnPostgresIntegrationTests extends DirectoryJourneyTests {
}
