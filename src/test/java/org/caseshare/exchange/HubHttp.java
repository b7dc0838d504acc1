package org.caseshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.UUID;

import org.caseshare.support.DocumentedProblems;
import tools.jackson.databind.json.JsonMapper;

/** The hub's API over real HTTP with bearer tokens, for journeys that start where a partner receives a package. */
final class HubHttp {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int port;

    HubHttp(int port) {
        this.port = port;
    }

    record Sent(String id, String fileId, byte[] content) {
    }

    /** A practitioner's package of one random file under a sharing record, sent. */
    Sent sendPackage(String practitionerToken, UUID sharingRecordId) throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/packages", practitionerToken, """
                {"sharingRecordId":"%s","furtherHandling":"Do not forward","expiresInDays":7,"downloadLimit":2}"""
                .formatted(sharingRecordId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();
        byte[] content = new byte[4096];
        new SecureRandom().nextBytes(content);
        HttpResponse<String> uploaded = http.send(request("/api/v1/packages/" + id + "/files?name=report.pdf", practitionerToken)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String fileId = json.readTree(uploaded.body()).get("id").asString();
        assertThat(send("POST", "/api/v1/packages/" + id + "/send", practitionerToken, "{}").statusCode()).isEqualTo(200);
        return new Sent(id, fileId, content);
    }

    HttpResponse<byte[]> download(Sent sent, String token) throws Exception {
        return DocumentedProblems.check(http.send(request("/api/v1/packages/" + sent.id() + "/files/" + sent.fileId(), token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()));
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    /** A GET, with no token when {@code token} is null. */
    HttpResponse<String> get(String path, String token) throws Exception {
        return DocumentedProblems.check(http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return DocumentedProblems.check(http.send(request(path, token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }
}
