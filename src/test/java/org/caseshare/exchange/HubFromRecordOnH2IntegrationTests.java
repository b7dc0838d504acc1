package org.caseshare.exchange;

class HubFromRecordOnH2IntegrationTests extends HubFromRecordTests {
}
