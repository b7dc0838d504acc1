package org.caseshare.incident;

class IncidentJourneyOnH2IntegrationTests extends IncidentJourneyTests {
}
