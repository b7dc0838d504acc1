package org.caseshare.sharing;

class SharingFormOnH2IntegrationTests extends SharingFormTests {
}
