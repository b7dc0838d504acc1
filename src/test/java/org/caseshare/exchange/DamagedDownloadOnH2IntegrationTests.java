package org.caseshare.exchange;

class DamagedDownloadOnH2IntegrationTests extends DamagedDownloadTests {
}
