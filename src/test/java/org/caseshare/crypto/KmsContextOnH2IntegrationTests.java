package org.caseshare.crypto;

class KmsContextOnH2IntegrationTests extends KmsContextTests {
}
