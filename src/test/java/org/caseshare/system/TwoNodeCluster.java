package org.caseshare.system;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.caseshare.support.EmbeddedPostgresInitializer;
import org.caseshare.support.JarHome;
import org.caseshare.support.SelfSignedCertificate;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Two nodes of the packaged jar (separate JVMs) on one PostgreSQL database and one S3 bucket, with
 * HAProxy in front spreading requests round-robin and adding X-Forwarded-For, as a council would run
 * them behind its load balancer. Everything listens on 127.0.0.1 and is stopped by {@link #close}.
 *
 * <p>The nodes run with the {@code production} profile, so they are held to what it demands: the
 * proxy terminates TLS for {@code https://localhost} with a certificate made for the test, and the
 * service is reached only through it. The proxy talks to the nodes from its own address,
 * {@value #PROXY_ADDRESS}, the one address the nodes trust for X-Forwarded-For; the test's client
 * is at 127.0.0.1, so the address a node records shows whether the header was honoured.
 */
final class TwoNodeCluster implements AutoCloseable {

    static final String BUCKET = "caseshare-nodes";
    private static final String S3_ID = "node-id";
    private static final String S3_SECRET = "node-secret";
    /** Where HAProxy's connections to the nodes come from (all of 127.0.0.0/8 is loopback on Linux). */
    static final String PROXY_ADDRESS = "127.0.0.2";
    private static final List<String> HAPROXY = List.of("/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy");

    final Path home;
    final JarHome jars;
    final int proxyPort;
    final S3Gate gate;
    final String databaseUrl;
    final EmbeddedPostgresInitializer.Server postgres;
    private final S3Proxy s3;
    final S3Client s3Client;
    final SelfSignedCertificate certificate;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private Process proxy;

    record Node(String name, int port, Process process, Path log) {
    }

    /** HAProxy's path, or a loud skip (a failure under CI, where .ci/run installs it). */
    static String haproxy() {
        for (String candidate : HAPROXY) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        String message = "HAProxy is not installed (apt-get install -y haproxy): the two-node proof did NOT run";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(message + "; .ci/run installs it under CI");
        }
        System.err.println("\n*** SKIPPING " + message + " ***\n");
        Assumptions.abort(message);
        return null;
    }

    TwoNodeCluster(Path home) throws Exception {
        this.home = home;
        this.proxyPort = JarHome.freePort();
        this.postgres = EmbeddedPostgresInitializer.server();
        String database = "caseshare_nodes_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        try (Connection connection = DriverManager.getConnection(postgres.url(), postgres.user(), postgres.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        this.databaseUrl = postgres.url().replaceFirst("/[^/?]*(\\?.*)?$", "/" + database);

        this.gate = new S3Gate(new TransientNio2BlobStore());
        this.s3 = S3Proxy.builder().blobStore(gate).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3_ID, S3_SECRET).build();
        s3.start();
        while (!"STARTED".equals(s3.getState())) {
            Thread.sleep(10);
        }
        this.s3Client = S3Client.builder().endpointOverride(URI.create(s3Endpoint())).region(Region.EU_WEST_2).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3_ID, S3_SECRET))).build();
        s3Client.createBucket(b -> b.bucket(BUCKET));

        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("SPRING_DATASOURCE_URL", databaseUrl);
        settings.put("SPRING_DATASOURCE_USERNAME", postgres.user());
        settings.put("SPRING_DATASOURCE_PASSWORD", postgres.password());
        settings.put("CASESHARE_STORAGE_TYPE", "s3");
        settings.put("CASESHARE_S3_ENDPOINT", s3Endpoint());
        settings.put("CASESHARE_S3_BUCKET", BUCKET);
        settings.put("CASESHARE_S3_ACCESS_KEY_ID", S3_ID);
        settings.put("CASESHARE_S3_SECRET_ACCESS_KEY", S3_SECRET);
        settings.put("CASESHARE_PROXY_TRUSTED_ADDRESSES", PROXY_ADDRESS);
        settings.put("CASESHARE_BASE_URL", baseUrl());
        this.jars = new JarHome(home, settings);
        this.certificate = SelfSignedCertificate.create(home.resolve("tls"));
    }

    String s3Endpoint() {
        return "http://127.0.0.1:" + s3.getPort();
    }

    /** Where people (and the test) reach the service: HAProxy, over TLS. */
    String baseUrl() {
        return "https://localhost:" + proxyPort;
    }

    /**
     * Starts a node with its own data folder; the keyset file, database and bucket are shared. The
     * keyset was made by the first CLI command (without the production profile, as README says).
     */
    Node start(String name) throws Exception {
        int port = JarHome.freePort();
        Path log = home.resolve(name + "-" + System.nanoTime() + ".log");
        Process process = jars.server(log, "--spring.profiles.active=production", "--server.port=" + port, "--caseshare.data-dir=" + home.resolve(name),
                "--caseshare.jobs.node-name=" + name, "--caseshare.jobs.poll-every=PT0.5S", "--caseshare.jobs.heartbeat-every=PT1S",
                "--caseshare.exchange.sweep-every=PT2S", "--caseshare.audit.checkpoint-every=PT2S");
        Node node = new Node(name, port, process, log);
        nodes.put(name, node);
        jars.awaitHealthy(port, log, Duration.ofSeconds(180));
        return node;
    }

    Node node(String name) {
        return nodes.get(name);
    }

    /** kill -9: no shutdown hook, no goodbye to the database. */
    void kill(String name) throws InterruptedException {
        Node node = nodes.get(name);
        node.process().destroyForcibly();
        node.process().waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * HAProxy in front of the nodes: round-robin per request, X-Forwarded-For added, health checks on
     * /actuator/health, and the serving node named in X-Served-By. The {@code pinned} rules send some
     * requests (path and method) to a chosen node, so a ceremony's steps cross nodes for certain.
     */
    void startProxy(String haproxy, List<String> pinned) throws Exception {
        StringBuilder config = new StringBuilder("""
                global
                    maxconn 256
                defaults
                    mode http
                    option http-server-close
                    timeout connect 5s
                    timeout client 300s
                    timeout server 300s
                frontend service
                    bind 127.0.0.1:%d ssl crt %s
                    http-request set-header X-Forwarded-Proto https
                    http-request set-header X-Forwarded-Port %%[dst_port]
                    default_backend nodes
                backend nodes
                    balance roundrobin
                    option forwardfor
                    option httpchk GET /actuator/health
                    http-response set-header X-Served-By %%s
                """.formatted(proxyPort, certificate.pemBundle()));
        pinned.forEach(rule -> config.append("    ").append(rule).append('\n'));
        for (Node node : nodes.values()) {
            config.append("    server ").append(node.name()).append(" 127.0.0.1:").append(node.port())
                    .append(" source ").append(PROXY_ADDRESS).append(" check inter 1s fall 2 rise 1\n");
        }
        Path file = home.resolve("haproxy.cfg");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        Path log = home.resolve("haproxy.log");
        proxy = new ProcessBuilder(haproxy, "-db", "-f", file.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitProxy(log);
    }

    /** A client that trusts the proxy's certificate and carries cookies by hand, as the tests do. */
    HttpClient httpClient() throws Exception {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(certificate.sslContext()).build();
    }

    private void awaitProxy(Path log) throws Exception {
        HttpClient http = httpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("HAProxy did not start:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            Thread.sleep(250);
        }
    }

    /** Every node's log, for a failure message. */
    String logs() throws Exception {
        List<String> parts = new ArrayList<>();
        for (Node node : nodes.values()) {
            String text = Files.exists(node.log()) ? Files.readString(node.log(), StandardCharsets.UTF_8) : "";
            parts.add("--- " + node.name() + " ---\n" + text.substring(Math.max(0, text.length() - 4000)));
        }
        return String.join("\n", parts);
    }

    @Override
    public void close() throws Exception {
        gate.open();
        if (proxy != null) {
            proxy.destroyForcibly();
            proxy.waitFor(10, TimeUnit.SECONDS);
        }
        for (Node node : nodes.values()) {
            node.process().destroy();
        }
        for (Node node : nodes.values()) {
            if (!node.process().waitFor(30, TimeUnit.SECONDS)) {
                node.process().destroyForcibly();
            }
        }
        s3Client.close();
        s3.stop();
    }
}
