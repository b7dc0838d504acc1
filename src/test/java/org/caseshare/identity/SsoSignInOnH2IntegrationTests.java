package org.caseshare.identity;

class SsoSignInOnH2IntegrationTests extends SsoSignInTests {
}
