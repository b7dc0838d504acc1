package org.caseshare.oversight;

class DeletedAndExpiringFiguresOnH2IntegrationTests extends DeletedAndExpiringFiguresTests {
}
