package org.caseshare.webhook;

import org.caseshare.support.OnPostgres;

@OnPostgres
class WebhookEndpointOnPostgresIntegrationTests extends WebhookEndpointTests {
}
