package org.caseshare.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.caseshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests so malformed that Tomcat answers them itself, before Spring (and its security headers)
 * see them, still get the service's headers and a short plain answer naming no server or version.
 * Sent over a raw socket: no HTTP client would send them.
 */
class TomcatErrorsIntegrationTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aMalformedRequestLineGetsTheSecurityHeadersAndAPlainAnswer() throws Exception {
        String response = raw("GET /?a=b c HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertPlainBadRequestWithHeaders(response);
    }

    @Test
    void aHeaderWithAnInvalidCharacterGetsTheSecurityHeadersAndAPlainAnswer() throws Exception {
        String response = raw("GET / HTTP/1.1\r\nHost: localhost\r\nX-Bad\u0001Name: x\r\nConnection: close\r\n\r\n");

        assertPlainBadRequestWithHeaders(response);
    }

    private static void assertPlainBadRequestWithHeaders(String response) {
        assertThat(response).startsWith("HTTP/1.1 400");
        String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        assertThat(head).contains("content-security-policy: " + SecurityHeaders.CONTENT_SECURITY_POLICY.toLowerCase(Locale.ROOT),
                "x-content-type-options: nosniff", "x-frame-options: deny", "referrer-policy: no-referrer",
                "strict-transport-security: max-age=31536000", "permissions-policy: camera=()", "content-type: text/plain");
        assertThat(body).as(body).doesNotContainIgnoringCase("tomcat").doesNotContainIgnoringCase("apache")
                .doesNotContain("Exception", "<").hasSizeLessThan(200).contains("Bad request");
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            in.transferTo(received);
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
