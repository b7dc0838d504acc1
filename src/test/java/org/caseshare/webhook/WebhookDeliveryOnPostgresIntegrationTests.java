package org.caseshare.webhook;

import org.caseshare.support.OnPostgres;

@OnPostgres
class WebhookDeliveryOnPostgresIntegrationTests extends WebhookDeliveryTests {
}
