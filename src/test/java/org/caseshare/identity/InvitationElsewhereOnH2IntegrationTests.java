package org.caseshare.identity;

class InvitationElsewhereOnH2IntegrationTests extends InvitationElsewhereTests {
}
