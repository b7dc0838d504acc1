package org.caseshare.operations;

import static org.assertj.core.api.Assertions.assertThat;

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

import org.caseshare.support.JarHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar, started as an operator switches JSON logs on (Spring Boot's structured logging,
 * ECS format, by environment variable): every line is one JSON object, and the lines written while a
 * request is handled carry its request id, the one the response named in X-Request-Id.
 */
class StructuredLogsIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    @Test
    void withTheStructuredSettingEveryLineIsJsonAndRequestLinesCarryTheRequestId() throws Exception {
        JarHome jar = new JarHome(home, Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"));
        int port = JarHome.freePort();
        Path log = home.resolve("server.log");
        // DispatcherServlet names each request it handles at debug: a line known to be written inside a request.
        Process server = jar.server(log, "--server.port=" + port, "--logging.level.org.springframework.web.servlet.DispatcherServlet=debug");
        String id = "jsonlog-7c1e9a52";
        try {
            jar.awaitHealthy(port, log, Duration.ofSeconds(120));
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .header("X-Request-Id", id).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.headers().firstValue("X-Request-Id")).hasValue(id);
        } finally {
            server.destroy();
            server.waitFor();
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                assertThat(line).as("a JSON line").startsWith("{");
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(lines).isNotEmpty();
        assertThat(lines).allSatisfy(line -> assertThat(line.has("@timestamp")).as(line.toString()).isTrue());
        List<JsonNode> ofTheRequest = lines.stream().filter(line -> id.equals(line.path("requestId").asString(""))).toList();
        assertThat(ofTheRequest).as("lines written while /login was handled, among:\n" + lines.subList(Math.max(0, lines.size() - 8), lines.size()))
                .isNotEmpty();
        assertThat(ofTheRequest.get(0).path("message").asString()).contains("/login");
    }
}
