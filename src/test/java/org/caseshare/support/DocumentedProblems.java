package org.caseshare.support;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problem types docs/api/openapi.json documents (components/schemas/Problem's type enum). Every
 * API test that calls through {@link ApiClient} checks each problem it meets against them, so an error
 * path that answers with an undocumented type fails the test that reached it.
 */
public final class DocumentedProblems {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile Set<String> types;

    private DocumentedProblems() {
    }

    public static Set<String> types() {
        if (types == null) {
            try {
                JsonNode spec = JSON.readTree(Files.readString(Path.of("docs/api/openapi.json")));
                Set<String> documented = new HashSet<>();
                spec.at("/components/schemas/Problem/properties/type/enum").forEach(t -> documented.add(t.asString()));
                types = Set.copyOf(documented);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot read the problem types from docs/api/openapi.json", e);
            }
        }
        return types;
    }

    /** Fails when the answer is a problem whose type the document does not list; gives the answer back. */
    public static <T> HttpResponse<T> check(HttpResponse<T> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("application/problem+json")) {
            return response;
        }
        String body = response.body() instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(response.body());
        String type = JSON.readTree(body).path("type").asString("about:blank");
        if (!types().contains(type)) {
            throw new AssertionError(response.request().method() + " " + response.request().uri().getPath() + " answered "
                    + response.statusCode() + " with problem type " + type + ", which docs/api/openapi.json does not document: "
                    + body);
        }
        return response;
    }
}
