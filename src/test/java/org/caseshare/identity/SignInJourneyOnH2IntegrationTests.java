package org.caseshare.identity;

class SignInJourneyOnH2IntegrationTests extends SignInJourneyTests {
}
