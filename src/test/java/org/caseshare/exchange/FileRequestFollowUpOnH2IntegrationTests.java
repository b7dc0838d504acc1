package org.caseshare.exchange;

class FileRequestFollowUpOnH2IntegrationTests extends FileRequestFollowUpTests {
}
