package org.caseshare.sharing;

import org.caseshare.support.OnPostgres;

@OnPostgres
class SharingFormOnPostgresIntegrationTests extends SharingFormTests {
}
