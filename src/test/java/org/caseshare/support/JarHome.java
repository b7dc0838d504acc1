package org.caseshare.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A scratch folder where {@code target/caseshare.jar} runs as a self-hoster runs it: the command line
 * and the server as separate JVMs, sharing one data directory and key file. For tests that kill the
 * server process and start it again.
 */
public final class JarHome {

    public static final Path JAR = Path.of("target/caseshare.jar");

    private final Path home;
    private final Map<String, String> settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public JarHome(Path home) {
        this(home, Map.of());
    }

    /** With more environment variables for every run (a shared database and bucket, for several nodes). */
    public JarHome(Path home, Map<String, String> settings) {
        this.home = home;
        this.settings = Map.copyOf(settings);
    }

    public Path path() {
        return home;
    }

    /** Runs {@code java -jar caseshare.jar ARGS…}, expects exit 0 and returns what it printed. */
    public String cli(String... args) throws IOException, InterruptedException {
        Outcome outcome = attempt(args);
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        return outcome.output();
    }

    /** What a run of the jar that may fail printed, and its exit code. */
    public record Outcome(int exitCode, String output) {
    }

    /** Runs {@code java -jar caseshare.jar ARGS…} to its end, whatever its exit code. */
    public Outcome attempt(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        environment(builder);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Outcome(process.exitValue(), output);
    }

    /** Starts the server with these arguments; its output goes to {@code log}. */
    public Process server(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        environment(builder);
        return builder.start();
    }

    /** Waits until the server on {@code port} says it is healthy; fails with the end of its log if it does not. */
    public void awaitHealthy(int port, Path log, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            if (System.nanoTime() - deadline > 0) {
                String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
                throw new AssertionError("The server did not start:\n" + text.substring(Math.max(0, text.length() - 5000)));
            }
            Thread.sleep(250);
        }
    }

    private void environment(ProcessBuilder builder) {
        builder.environment().put("CASESHARE_DATA_DIR", home.resolve("data").toString());
        builder.environment().put("CASESHARE_KEYSET_FILE", home.resolve("keys/keyset.json").toString());
        // The cipher warm-up is a background nicety that would only compete with the test for two cores.
        builder.environment().put("CASESHARE_CIPHER_WARM_UP_MB", "0");
        builder.environment().putAll(settings);
    }

    public static String lastLine(String output) {
        String[] lines = output.strip().split("\\R");
        return lines[lines.length - 1];
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
