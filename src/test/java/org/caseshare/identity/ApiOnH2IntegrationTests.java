package org.caseshare.identity;

class ApiOnH2IntegrationTests extends ApiTests {
}
