package org.caseshare.scim;

import org.caseshare.support.OnPostgres;

@OnPostgres
class ScimProvisioningOnPostgresIntegrationTests extends ScimProvisioningTests {
}
