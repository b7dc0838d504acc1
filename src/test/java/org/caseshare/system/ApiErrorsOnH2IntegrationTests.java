package org.caseshare.system;

class ApiErrorsOnH2IntegrationTests extends ApiErrorsTests {
}
