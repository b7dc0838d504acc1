package org.caseshare.exchange;

class ExchangeApiOnH2IntegrationTests extends ExchangeApiTests {
}
