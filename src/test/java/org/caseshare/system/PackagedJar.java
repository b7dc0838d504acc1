package org.caseshare.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.caseshare.support.JarHome;

/**
 * {@code target/caseshare.jar} started as a council starts it — {@code java -jar}, its own process, a
 * scratch folder for the data and the keyset — so that the tests walk what ships, not
 * {@code target/classes}.
 */
final class PackagedJar implements AutoCloseable {

    static final Path JAR = JarHome.JAR;

    private final Process process;
    private final Path log;
    private final int port;

    private PackagedJar(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar in {@code home} with the given extra arguments and waits until the line appears in its log. */
    static PackagedJar start(Path home, String readyLine, String... arguments) throws Exception {
        int port = JarHome.freePort();
        Path log = home.resolve("caseshare.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("CASESHARE_BASE_URL", "http://localhost:" + port);
        builder.environment().put("CASESHARE_DATA_DIR", home.resolve("data").toString());
        builder.environment().put("CASESHARE_KEYSET_FILE", home.resolve("keys/keyset.json").toString());
        // The cipher warm-up is a background nicety that would only compete with the tests for two cores.
        builder.environment().put("CASESHARE_CIPHER_WARM_UP_MB", "0");
        PackagedJar jar = new PackagedJar(builder.start(), log, port);
        jar.awaitLogLine(readyLine, Duration.ofMinutes(3));
        return jar;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Waits for the application's own word that it is ready; fails with the log if it dies first. */
    private void awaitLogLine(String line, Duration limit) throws Exception {
        Instant until = Instant.now().plus(limit);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new AssertionError("target/caseshare.jar stopped with " + process.exitValue() + ":\n" + tail());
            }
            if (log().contains(line) && healthy()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("target/caseshare.jar did not log '" + line + "' in " + limit + ":\n" + tail());
    }

    private boolean healthy() {
        try {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String tail() throws IOException {
        String all = log();
        return all.substring(Math.max(0, all.length() - 6000));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
