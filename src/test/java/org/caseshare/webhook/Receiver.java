package org.caseshare.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A case system's receiving end on 127.0.0.1, as its developer would write it from the Standard
 * Webhooks specification alone: it checks every message's signature with its own HMAC-SHA256 (no
 * code shared with the service) and keeps what arrived. It can be down (nothing listening on its
 * port), or up and answering a chosen status.
 */
final class Receiver implements AutoCloseable {

    /** One message as it arrived, and whether its signature was right. */
    record Message(String id, String timestamp, String signature, String body, boolean signatureValid) {
    }

    private final int port;
    private final List<Message> received = new CopyOnWriteArrayList<>();
    private volatile String secret;
    /** The status to answer with; {@link #HANG} answers nothing until the receiver closes. */
    private volatile int answer = 204;
    static final int HANG = -1;
    private final CountDownLatch closing = new CountDownLatch(1);
    private HttpServer server;

    Receiver() throws IOException {
        // find a free port, then leave it closed: the receiver starts down
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            this.port = probe.getLocalPort();
        }
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hooks";
    }

    void secret(String secret) {
        this.secret = secret;
    }

    void answer(int status) {
        this.answer = status;
    }

    synchronized void up() throws IOException {
        if (server == null) {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/hooks", this::handle);
            server.start();
        }
    }

    synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    List<Message> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            boolean valid = verify(id, timestamp, body, signature);
            received.add(new Message(id, timestamp, signature, body, valid));
            if (answer == HANG) {
                closing.await();
                return;
            }
            exchange.sendResponseHeaders(valid ? answer : 401, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    /** The specification's check: HMAC-SHA256 of "id.timestamp.body" under the secret's bytes, against any v1 signature given. */
    private boolean verify(String id, String timestamp, String body, String header) {
        if (id == null || timestamp == null || header == null || secret == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String signature : header.split(" ")) {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        closing.countDown();
        down();
    }
}
