package org.caseshare.operations;

class OperationsHealthOnH2IntegrationTests extends OperationsHealthTests {
}
