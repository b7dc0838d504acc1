package org.caseshare.exchange;

class PartnerReceiptsOnH2IntegrationTests extends PartnerReceiptsTests {
}
