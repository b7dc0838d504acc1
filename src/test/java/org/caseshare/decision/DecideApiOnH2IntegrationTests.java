package org.caseshare.decision;

class DecideApiOnH2IntegrationTests extends DecideApiTests {
}
