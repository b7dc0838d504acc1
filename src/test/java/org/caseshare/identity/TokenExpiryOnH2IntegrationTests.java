package org.caseshare.identity;

class TokenExpiryOnH2IntegrationTests extends TokenExpiryTests {
}
