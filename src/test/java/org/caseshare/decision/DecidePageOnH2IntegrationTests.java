package org.caseshare.decision;

class DecidePageOnH2IntegrationTests extends DecidePageTests {
}
