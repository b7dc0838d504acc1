package org.caseshare.identity;

import org.caseshare.support.OnPostgres;

@OnPostgres
class SsoSettingsOnPostgresIntegrationTests extends SsoSettingsTests {
}
