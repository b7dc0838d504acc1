package org.caseshare.scim;

class ScimProvisioningOnH2IntegrationTests extends ScimProvisioningTests {
}
