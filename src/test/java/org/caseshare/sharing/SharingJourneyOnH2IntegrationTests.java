package org.caseshare.sharing;

class SharingJourneyOnH2IntegrationTests extends SharingJourneyTests {
}
