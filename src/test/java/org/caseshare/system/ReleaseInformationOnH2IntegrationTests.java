package org.caseshare.system;

class ReleaseInformationOnH2IntegrationTests extends ReleaseInformationTests {
}
