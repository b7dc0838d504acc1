package org.caseshare.identity;

class FirstRunSetupOnH2IntegrationTests extends FirstRunSetupTests {
}
