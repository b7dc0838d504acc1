package org.caseshare.identity;

class PasswordRecoveryOnH2IntegrationTests extends PasswordRecoveryTests {
}
