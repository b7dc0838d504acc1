package org.caseshare.webhook;

class WebhookEndpointOnH2IntegrationTests extends WebhookEndpointTests {
}
