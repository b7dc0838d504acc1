package org.caseshare.identity;

class PasskeyRegistrationOnH2IntegrationTests extends PasskeyRegistrationTests {
}
