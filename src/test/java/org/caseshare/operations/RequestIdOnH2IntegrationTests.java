package org.caseshare.operations;

class RequestIdOnH2IntegrationTests extends RequestIdTests {
}
