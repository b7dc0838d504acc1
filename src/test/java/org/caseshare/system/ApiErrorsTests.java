package org.caseshare.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.caseshare.directory.Organisation;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.support.DocumentedProblems;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error the API gives, even one Spring raises before any controller runs (no such path, wrong
 * method, a type it cannot produce or read, JSON it cannot parse), is an RFC 9457 problem detail.
 * Over real HTTP with a real token, as a script would meet them.
 */
abstract class ApiErrorsTests extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;

    Organisation organisation;
    String token;

    @BeforeEach
    void anAdminWithAToken() {
        organisation = fixtures.organisation("Council");
        Account admin = fixtures.person(organisation, Role.ORGANISATION_ADMIN);
        token = fixtures.token(admin);
    }

    @Test
    void anUnknownPathIsANotFoundProblem() throws Exception {
        assertProblem(send("GET", "/api/v1/no-such-thing", null, null, null), 404);
    }

    @Test
    void aMethodThePathDoesNotTakeIsAMethodNotAllowedProblem() throws Exception {
        assertProblem(send("DELETE", "/api/v1/me", null, null, null), 405);
    }

    @Test
    void askingForHtmlOrXmlIsANotAcceptableProblemInJson() throws Exception {
        assertProblem(send("GET", "/api/v1/me", "text/html", null, null), 406);
        assertProblem(send("GET", "/api/v1/me", "application/xml", null, null), 406);
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaTypeProblem() throws Exception {
        assertProblem(send("POST", invitations(), null, "text/plain", "email=someone@example.org"), 415);
    }

    @Test
    void malformedJsonIsABadRequestProblemThatQuotesNoInternals() throws Exception {
        HttpResponse<String> response = send("POST", invitations(), null, "application/json", "{\"email\": \"a@example.org\", ");

        assertProblem(response, 400);
        assertThat(response.body()).doesNotContain("jackson", "Exception", "at org.", "line:");
    }

    @Test
    void aProblemsTitleIsInTheCallersLanguageAndItsTypeIsNot() throws Exception {
        HttpResponse<String> english = send("GET", "/api/v1/no-such-thing", null, null, null);
        HttpResponse<String> welsh = send("GET", "/api/v1/no-such-thing", null, null, null, "cy");

        assertProblem(english, 404);
        assertProblem(welsh, 404);
        assertThat(english.body()).contains("\"type\":\"https://caseshare.org/problems/not-found\"", "\"title\":\"Not found\"");
        assertThat(welsh.body()).contains("\"type\":\"https://caseshare.org/problems/not-found\"", "\"title\":\"Heb ei ganfod\"");
    }

    @Test
    void theUnauthorizedProblemWrittenBeforeAnyControllerHasItsTitleInTheCallersLanguage() throws Exception {
        HttpResponse<String> english = DocumentedProblems.check(HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/me")).GET().build(), HttpResponse.BodyHandlers.ofString()));
        HttpResponse<String> welsh = DocumentedProblems.check(HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/me")).header("Accept-Language", "cy, en;q=0.5").GET().build(),
                HttpResponse.BodyHandlers.ofString()));

        assertProblem(english, 401);
        assertProblem(welsh, 401);
        assertThat(english.body()).contains("\"type\":\"https://caseshare.org/problems/unauthorized\"", "\"title\":\"Unauthorized\"");
        assertThat(welsh.body()).contains("\"type\":\"https://caseshare.org/problems/unauthorized\"", "\"title\":\"Heb awdurdod\"");
    }

    private String invitations() {
        return "/api/v1/organisations/" + organisation.id() + "/invitations";
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(response.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status, "\"title\":").doesNotContain("trace", "Tomcat", "<html");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    private HttpResponse<String> send(String method, String path, String accept, String contentType, String body) throws Exception {
        return send(method, path, accept, contentType, body, null);
    }

    private HttpResponse<String> send(String method, String path, String accept, String contentType, String body,
            String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return DocumentedProblems.check(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }
}
