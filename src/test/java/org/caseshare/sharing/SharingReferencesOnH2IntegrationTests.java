package org.caseshare.sharing;

class SharingReferencesOnH2IntegrationTests extends SharingReferencesTests {
}
