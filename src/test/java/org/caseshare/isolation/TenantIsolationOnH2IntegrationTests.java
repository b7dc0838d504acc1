package org.caseshare.isolation;

class TenantIsolationOnH2IntegrationTests extends TenantIsolationTests {
}
