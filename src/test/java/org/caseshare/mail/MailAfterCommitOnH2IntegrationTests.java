package org.caseshare.mail;

class MailAfterCommitOnH2IntegrationTests extends MailAfterCommitTests {
}
