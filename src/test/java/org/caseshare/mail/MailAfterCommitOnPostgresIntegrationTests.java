package org.caseshare.mail;

import org.caseshare.support.OnPostgres;

@OnPostgres
class MailAfterCommitOnPostgresIntegrationTests extends MailAfterCommitTests {
}
