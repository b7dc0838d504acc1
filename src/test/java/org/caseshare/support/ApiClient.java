package org.caseshare.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Calls the running server's JSON API over real HTTP, as a script with a personal access token would.
 * Every problem it receives must have a type the OpenAPI document lists ({@link DocumentedProblems}).
 */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    public ApiClient(int port) {
        this.port = port;
    }

    /** A GET, with the token as a bearer credential when it is not null. */
    public HttpResponse<String> get(String path, String token) throws Exception {
        return send(request(path, token).GET());
    }

    /** A GET asking for answers in a language ({@code Accept-Language}), with the token as a bearer credential. */
    public HttpResponse<String> get(String path, String token, String language) throws Exception {
        return send(request(path, token).header("Accept-Language", language).GET());
    }

    /** A POST of a JSON body, with the token as a bearer credential when it is not null. */
    public HttpResponse<String> post(String path, String token, String json) throws Exception {
        return send(request(path, token).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any method with a JSON body (blank for none) and, when not null, an If-Match header. */
    public HttpResponse<String> send(String method, String path, String token, String json, String ifMatch) throws Exception {
        HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json")
                .method(method, json == null || json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        DocumentedProblems.check(response);
        return response;
    }
}
