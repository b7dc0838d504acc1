package org.caseshare.exchange;

class PartnerVisibilityOnH2IntegrationTests extends PartnerVisibilityTests {
}
