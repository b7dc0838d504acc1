package org.caseshare.directory;

class DirectoryJourneyOnH2IntegrationTests extends DirectoryJourneyTests {
}
