package org.caseshare.decision;

class PolicyJourneyOnH2IntegrationTests extends PolicyJourneyTests {
}
