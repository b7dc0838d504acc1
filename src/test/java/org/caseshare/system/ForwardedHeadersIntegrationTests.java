package org.caseshare.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.caseshare.audit.AuditEntry;
import org.caseshare.audit.AuditTrail;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a proxy, the client's address comes from {@code X-Forwarded-For} — but only when the
 * connection comes from a trusted proxy. Requests go through the real Tomcat (not MockMvc), where
 * the header is read, and the address is the one the audit trail records for a failed sign-in (the
 * sign-in throttle reads the same {@code getRemoteAddr}).
 */
class ForwardedHeadersIntegrationTests {

    /** The default: no proxy is trusted, so a client cannot choose its own address. */
    @Nested
    class NoProxyTrusted extends IntegrationTest {

        @LocalServerPort
        int port;
        @Autowired
        AuditTrail audit;

        @Test
        void aClientsOwnForwardedHeaderIsIgnored() throws Exception {
            AuditEntry failure = failSignIn(port, audit, "203.0.113.9");
            assertThat(failure.clientAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        }
    }

    /** The node sits behind a proxy on 127.0.0.1, as in the two-node test. */
    @Nested
    @TestPropertySource(properties = "caseshare.proxy.trusted-addresses=127.0.0.1,::1")
    class BehindATrustedProxy extends IntegrationTest {

        @LocalServerPort
        int port;
        @Autowired
        AuditTrail audit;

        @Test
        void theProxysForwardedAddressIsTheClients() throws Exception {
            assertThat(failSignIn(port, audit, "203.0.113.9").clientAddress()).isEqualTo("203.0.113.9");
        }

        @Test
        void addressesTheClientPutInFrontOfTheHeaderAreNotBelieved() throws Exception {
            // The client sent "198.51.100.7"; the proxy appended the address it saw the client at.
            assertThat(failSignIn(port, audit, "198.51.100.7, 203.0.113.9").clientAddress()).isEqualTo("203.0.113.9");
        }
    }

    @Test
    void trustedProxiesAreAddressesOrRangesNeverNames() {
        assertThat(new ProxyProperties(List.of("10.0.0.5", " 10.1.0.0/16 ", "", "fd00::1")).trustedAddresses())
                .containsExactly("10.0.0.5/32", "10.1.0.0/16", "fd00::1/128");
        assertThatThrownBy(() -> new ProxyProperties(List.of("proxy.example.org")))
                .hasMessageContaining("'proxy.example.org' is not an IP address or CIDR range").hasMessageContaining("host names are not accepted");
        assertThatThrownBy(() -> new ProxyProperties(List.of("10.0.0.0/33"))).hasMessageContaining("prefix length");
        assertThatThrownBy(() -> new ProxyProperties(List.of("300.0.0.1"))).hasMessageContaining("not a valid IP address");
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    /** A wrong password for a made-up address, sent with the given X-Forwarded-For; returns its audit entry. */
    static AuditEntry failSignIn(int port, AuditTrail audit, String forwardedFor) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI login = URI.create("http://127.0.0.1:" + port + "/login");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(login).header("X-Forwarded-For", forwardedFor).build(),
                HttpResponse.BodyHandlers.ofString());
        // The session cookie is Secure (__Host-): Java's cookie store keeps it from plain http, so it is carried by hand.
        String session = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("the sign-in page has a CSRF token").isTrue();
        String form = "email=" + URLEncoder.encode(Fixtures.unique("nobody") + "@example.org", StandardCharsets.UTF_8)
                + "&password=wrong&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(login).header("X-Forwarded-For", forwardedFor).header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?error"));
        return audit.latestWithAction("login.failure", 1).get(0);
    }
}
