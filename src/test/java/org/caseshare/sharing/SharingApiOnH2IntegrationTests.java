package org.caseshare.sharing;

class SharingApiOnH2IntegrationTests extends SharingApiTests {
}
