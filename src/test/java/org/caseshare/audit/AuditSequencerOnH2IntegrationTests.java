package org.caseshare.audit;

class AuditSequencerOnH2IntegrationTests extends AuditSequencerTests {

    @Override
    boolean postgres() {
        return false;
    }
}
