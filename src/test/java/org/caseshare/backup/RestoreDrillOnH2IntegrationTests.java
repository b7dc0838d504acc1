package org.caseshare.backup;

class RestoreDrillOnH2IntegrationTests extends RestoreDrillTests {
}
