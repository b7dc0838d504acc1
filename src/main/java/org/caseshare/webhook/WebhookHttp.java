package org.caseshare.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * Posts one webhook to exactly the addresses {@link TargetGuard} approved: the client's name lookup
 * is {@link PinnedDns}, which answers only with those, so a name that resolves elsewhere a moment
 * later (DNS rebinding) cannot steer the connection inward. TLS still checks the certificate against
 * the name. No redirects, no automatic retries, no cookies, a fresh connection for every attempt, and
 * the whole exchange is aborted at connect + read timeout, however slowly the answer drips in.
 */
@Component
class WebhookHttp {

    private final CloseableHttpClient client;
    private final PinnedDns dns = new PinnedDns();
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-deadlines");
        thread.setDaemon(true);
        return thread;
    });
    private final long deadlineMillis;

    WebhookHttp(WebhookProperties properties) {
        this.deadlineMillis = properties.connectTimeout().plus(properties.readTimeout()).toMillis();
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(dns)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.of(properties.connectTimeout()))
                                .setSocketTimeout(Timeout.of(properties.readTimeout())).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(properties.readTimeout())).build())
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    /** The receiver's status code; an I/O failure, a refused connection or the deadline passing throws. */
    int post(TargetGuard.Target target, Map<String, String> headers, String body) throws IOException {
        HttpPost post = new HttpPost(target.uri());
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, deadlineMillis, TimeUnit.MILLISECONDS);
        dns.pin(target.addresses());
        try {
            return client.execute(post, response -> response.getCode());
        } finally {
            dns.unpin();
            deadline.cancel(false);
        }
    }

    @PreDestroy
    void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }

    /**
     * The only name lookup the client makes: the addresses pinned for the attempt under way on this
     * thread, or none at all.
     */
    static final class PinnedDns implements DnsResolver {

        private final ThreadLocal<List<InetAddress>> pinned = new ThreadLocal<>();

        void pin(List<InetAddress> addresses) {
            pinned.set(List.copyOf(addresses));
        }

        void unpin() {
            pinned.remove();
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            List<InetAddress> addresses = pinned.get();
            if (addresses == null || addresses.isEmpty()) {
                throw new UnknownHostException("No checked address for " + host);
            }
            return addresses.toArray(InetAddress[]::new);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}
