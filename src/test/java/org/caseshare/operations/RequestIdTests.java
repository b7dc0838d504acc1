package org.caseshare.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.caseshare.identity.Role;
import org.caseshare.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every answer names its request id in X-Request-Id; an error page and an API problem detail show the
 * same id so a person can quote it; a proxy's id is kept only when it matches the strict pattern.
 */
abstract class RequestIdTests extends OperationsEndpoints {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    Fixtures fixtures;

    private HttpResponse<String> send(String path, String offeredId, String token) throws Exception {
        return send(path, offeredId, token, "*/*");
    }

    private HttpResponse<String> send(String path, String offeredId, String token, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept);
        if (offeredId != null) {
            request.header("X-Request-Id", offeredId);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String requestId(HttpResponse<String> response) {
        return response.headers().firstValue("X-Request-Id").orElseThrow(() -> new AssertionError("no X-Request-Id"));
    }

    @Test
    void anErrorPageShowsTheRequestIdOfItsAnswer() throws Exception {
        HttpResponse<String> missing = send("/assets/no-such-file.css", null, null, "text/html");
        assertThat(missing.statusCode()).isEqualTo(404);
        String id = requestId(missing);
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(missing.body()).contains("quote this reference").contains(id);

        HttpResponse<String> asJson = send("/assets/no-such-file.css", null, null, "application/json");
        assertThat(JSON.readTree(asJson.body()).path("requestId").asString()).isEqualTo(requestId(asJson));
    }

    @Test
    void anApiProblemDetailCarriesTheRequestId() throws Exception {
        HttpResponse<String> anonymous = send("/api/v1/me", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(anonymous.body()).path("requestId").asString()).isEqualTo(requestId(anonymous));

        String token = fixtures.token(fixtures.person(fixtures.organisation("Council"), Role.ORGANISATION_ADMIN));
        HttpResponse<String> notFound = send("/api/v1/organisations/" + java.util.UUID.randomUUID(), null, token);
        assertThat(notFound.statusCode()).isEqualTo(404);
        JsonNode problem = JSON.readTree(notFound.body());
        assertThat(problem.path("requestId").asString()).isEqualTo(requestId(notFound));
    }

    @Test
    void aProxysRequestIdIsKeptOnlyWhenItMatchesTheStrictPattern() throws Exception {
        assertThat(requestId(send("/login", "lb-7f3a9c21.node-2", null))).isEqualTo("lb-7f3a9c21.node-2");
        for (String refused : new String[] {"short", "has space in it", "<script>alert(1)</script>", "x".repeat(65), "robin@example.org"}) {
            String id = requestId(send("/login", refused, null));
            assertThat(id).as(refused).isNotEqualTo(refused).matches("[0-9a-f-]{36}");
        }
    }

    @Test
    void everyAnswerHasItsOwnId() throws Exception {
        assertThat(requestId(send("/login", null, null))).isNotEqualTo(requestId(send("/login", null, null)));
        assertThat(requestId(send("/actuator/health", null, null))).isNotBlank();
    }
}
