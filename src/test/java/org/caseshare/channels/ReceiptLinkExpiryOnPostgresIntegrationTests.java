package org.caseshare.channels;

import org.caseshare.support.OnPostgres;

@OnPostgres
class ReceiptLinkExpiryOnPostgresIntegrationTests extends ReceiptLinkExpiryTests {
}
