package org.caseshare.identity;

class RecoveryCodeOnH2IntegrationTests extends RecoveryCodeTests {
}
