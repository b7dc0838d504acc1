package org.caseshare.exchange;

class HubPagesOnH2IntegrationTests extends HubPagesTests {
}
