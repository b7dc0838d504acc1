package org.caseshare.channels;

class ReceiptLinkExpiryOnH2IntegrationTests extends ReceiptLinkExpiryTests {
}
