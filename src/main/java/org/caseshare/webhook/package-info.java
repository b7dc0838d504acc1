/**
 * Webhooks for case systems: an organisation admin registers HTTPS endpoints that receive events
 * (share recorded, shared, receipt confirmed, package downloaded, incident opened), as the Standard
 * Webhooks specification describes: a JSON body with the event's identifiers (never personal data),
 * {@code webhook-id} (the same on every attempt, for idempotency), {@code webhook-timestamp} and
 * {@code webhook-signature} (HMAC-SHA256 under the endpoint's secret, shown once at registration and
 * stored sealed).
 *
 * <p>Events. Listens ({@code WebhookListener}, after commit, through the event publication registry so
 * nothing is lost on a crash) to {@link org.caseshare.sharing.ShareRecorded},
 * {@link org.caseshare.sharing.RecordShared}, {@link org.caseshare.sharing.RecordReceiptConfirmed},
 * {@link org.caseshare.exchange.PackageDownloaded} and {@link org.caseshare.incident.IncidentOpened}. The
 * listener only writes one delivery row per subscribed endpoint; it never calls the network. A cluster
 * job ({@code WebhookSender}, once across the nodes) sends due deliveries with connect and read timeouts
 * and retries a failure with a doubling wait until it gives up; the admin sees every delivery's status,
 * attempts and last error, and can try a failed one again.
 *
 * <p>Targets that resolve to loopback, private, link-local, multicast, unspecified or cloud-metadata
 * addresses are refused at registration and again at every send (DNS can change), and a send connects
 * only to the addresses that check approved ({@code WebhookHttp}), unless
 * {@code caseshare.webhooks.allow-private-targets} is on, which also allows plain http.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks",
        allowedDependencies = {"sharing", "exchange", "incident", "crypto", "audit", "system"})
package org.caseshare.webhook;
