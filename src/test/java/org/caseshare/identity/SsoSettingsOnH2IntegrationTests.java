package org.caseshare.identity;

class SsoSettingsOnH2IntegrationTests extends SsoSettingsTests {
}
