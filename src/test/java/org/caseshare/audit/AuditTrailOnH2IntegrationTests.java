package org.caseshare.audit;

class AuditTrailOnH2IntegrationTests extends AuditTrailTests {
    @Override
    boolean postgres() {
        return false;
    }
}
