package org.caseshare.scim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Calls /scim/v2 over real HTTP as a provisioning service does: SCIM's media type, a bearer token. */
final class ScimHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    ScimHttp(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", path, token, null);
    }

    HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/scim+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/scim+json; charset=utf-8");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request body from src/test/resources/scim/entra. */
    static String entra(String name) {
        try (InputStream in = ScimHttp.class.getResourceAsStream("/scim/entra/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No such request file: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A filter as a query string: spaces and quotes encoded as a client would. */
    static String filter(String filter) {
        return "/scim/v2/Users?filter=" + java.net.URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
