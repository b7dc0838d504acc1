package org.caseshare.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for HashiCorp Vault's transit engine: {@code POST /v1/transit/encrypt/<key>} and
 * {@code /decrypt/<key>} with Vault's request and answer shapes and its {@code vault:v1:} ciphertext
 * prefix, each named key a Tink AEAD made on the fly. Outside the product, for tests only. It can be
 * told to hang (accept and never answer) to test the client's timeouts.
 */
final class VaultTransitStandIn implements AutoCloseable {

    static final String TOKEN = "stand-in-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, Aead> keys = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();
    private volatile boolean hang;

    VaultTransitStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/transit/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Creates a transit key (Vault: {@code vault write -f transit/keys/<name>}). */
    void createKey(String name) throws GeneralSecurityException {
        AeadConfig.register();
        keys.put(name, KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM).getPrimitive(RegistryConfiguration.get(), Aead.class));
    }

    void hang() {
        hang = true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        try (exchange) {
            serve(exchange);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try {
            if (hang) {
                release.await();
                return;
            }
            if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Vault-Token"))) {
                answer(exchange, 403, "{\"errors\":[\"permission denied\"]}");
                return;
            }
            String[] path = exchange.getRequestURI().getPath().split("/");
            String operation = path[3];
            Aead key = keys.get(path[4]);
            if (key == null) {
                answer(exchange, 400, "{\"errors\":[\"encryption key not found\"]}");
                return;
            }
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                body = JSON.readTree(in.readAllBytes());
            }
            byte[] ad = body.has("associated_data") ? Base64.getDecoder().decode(body.get("associated_data").asString()) : new byte[0];
            if (operation.equals("encrypt")) {
                byte[] sealed = key.encrypt(Base64.getDecoder().decode(body.get("plaintext").asString()), ad);
                answer(exchange, 200, JSON.writeValueAsString(Map.of("data",
                        Map.of("ciphertext", "vault:v1:" + Base64.getEncoder().encodeToString(sealed)))));
            } else {
                String ciphertext = body.get("ciphertext").asString().replaceFirst("^vault:v1:", "");
                byte[] plain = key.decrypt(Base64.getDecoder().decode(ciphertext), ad);
                answer(exchange, 200, JSON.writeValueAsString(Map.of("data", Map.of("plaintext", Base64.getEncoder().encodeToString(plain)))));
            }
        } catch (GeneralSecurityException e) {
            answer(exchange, 400, "{\"errors\":[\"cipher: message authentication failed\"]}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
