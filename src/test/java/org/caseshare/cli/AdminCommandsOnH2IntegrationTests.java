package org.caseshare.cli;

class AdminCommandsOnH2IntegrationTests extends AdminCommandsTests {
}
