package org.caseshare.custody;

class CustodyJourneyOnH2IntegrationTests extends CustodyJourneyTests {
}
