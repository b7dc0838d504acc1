package org.caseshare.webhook;

class WebhookDeliveryOnH2IntegrationTests extends WebhookDeliveryTests {
}
