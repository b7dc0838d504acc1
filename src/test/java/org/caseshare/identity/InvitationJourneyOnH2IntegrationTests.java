package org.caseshare.identity;

class InvitationJourneyOnH2IntegrationTests extends InvitationJourneyTests {
}
