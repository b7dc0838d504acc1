package org.caseshare.cli;

class KeyRotationOnH2IntegrationTests extends KeyRotationTests {
}
