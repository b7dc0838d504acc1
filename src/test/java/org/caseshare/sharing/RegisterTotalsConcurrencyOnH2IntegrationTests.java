package org.caseshare.sharing;

class RegisterTotalsConcurrencyOnH2IntegrationTests extends RegisterTotalsConcurrencyTests {
}
