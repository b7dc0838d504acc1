package org.caseshare.oversight;

class OversightOnH2IntegrationTests extends OversightTests {
}
