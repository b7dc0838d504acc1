package org.caseshare.operations;

class OperationsMetricsOnH2IntegrationTests extends OperationsMetricsTests {
}
