package org.caseshare.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client connects to the addresses the check approved and to nothing it would look up itself,
 * so a name that resolves elsewhere after the check (DNS rebinding) cannot steer it.
 */
class WebhookHttpTests {

    private final WebhookHttp http = new WebhookHttp(new WebhookProperties(true, null, Duration.ofSeconds(2), Duration.ofSeconds(2), 0, null, null));
    private final List<String> hosts = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void listen() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.stop(0);
        http.close();
    }

    @Test
    void itConnectsToTheCheckedAddressWhateverTheNameResolvesToNow() throws Exception {
        // "rebound.invalid" resolves to nothing here (.invalid never does): only the pinned address can be used
        int port = server.getAddress().getPort();
        URI uri = URI.create("http://rebound.invalid:" + port + "/hooks");

        int status = http.post(new TargetGuard.Target(uri, List.of(InetAddress.getByName("127.0.0.1"))), Map.of("webhook-id", "1"), "{}");

        assertThat(status).isEqualTo(204);
        assertThat(hosts).containsExactly("rebound.invalid:" + port);
    }

    @Test
    void withoutACheckedAddressItConnectsNowhere() {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");

        assertThatThrownBy(() -> http.post(new TargetGuard.Target(uri, List.of()), Map.of(), "{}")).isInstanceOf(UnknownHostException.class);
        assertThat(hosts).isEmpty();
    }
}
