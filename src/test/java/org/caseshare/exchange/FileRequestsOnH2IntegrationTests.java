package org.caseshare.exchange;

class FileRequestsOnH2IntegrationTests extends FileRequestsTests {
}
