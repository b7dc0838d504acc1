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

    @Test
    void theFixedSentenceOfADetailIsInTheCallersLanguageTooAndEnglishOtherwise() throws Exception {
        // Before any controller: no such path, a method the path does not take.
        assertInBothLanguages("GET", "/api/v1/no-such-thing", null, 404, "Not found", "There is nothing at this address in the API.",
                "Heb ei ganfod", "Nid oes dim yn y cyfeiriad hwn yn yr API.");
        assertInBothLanguages("DELETE", "/api/v1/me", null, 405, "Method not allowed", "This address does not take DELETE.",
                "Dull heb ei ganiatáu", "Nid yw’r cyfeiriad hwn yn derbyn DELETE.");
        // A controller's refusal: the sentence in the caller's language, the fields' messages as the service wrote them.
        HttpResponse<String> welsh = assertInBothLanguages("POST", invitations(), "{\"email\": \"not-an-email\", \"role\": \"MANAGER\"}", 422,
                "Invalid request", "The request has invalid fields", "Cais annilys", "Mae meysydd annilys yn y cais");
        assertThat(welsh.body()).contains("\"type\":\"https://caseshare.org/problems/invalid-request\"", "\"email\":");
        // Roles that do not allow it, in a controller (an admin's page of another kind of person) and before one (the system's API).
        token = fixtures.token(fixtures.person(organisation, Role.PRACTITIONER));
        assertInBothLanguages("GET", "/api/v1/organisations/" + organisation.id() + "/members", null, 403, "Forbidden",
                "Your roles do not allow this.", "Gwaharddedig", "Nid yw eich rolau’n caniatáu hyn.");
        assertInBothLanguages("GET", "/api/v1/system/jobs", null, 403, "Forbidden",
                "Your roles do not allow this.", "Gwaharddedig", "Nid yw eich rolau’n caniatáu hyn.");
        // No token at all: the entry point's problem.
        token = null;
        assertInBothLanguages("GET", "/api/v1/me", null, 401, "Unauthorized",
                "Present a valid personal access token as 'Authorization: Bearer <token>'.", "Heb awdurdod",
                "Cyflwynwch docyn mynediad personol dilys fel 'Authorization: Bearer <token>'.");
    }

    /** The problem without Accept-Language and with one that prefers English are today's English; with cy, Welsh; the type never changes. */
    private HttpResponse<String> assertInBothLanguages(String method, String path, String body, int status, String englishTitle,
            String englishDetail, String welshTitle, String welshDetail) throws Exception {
        String contentType = body == null ? null : "application/json";
        HttpResponse<String> welsh = null;
        for (String language : new String[] { null, "en-GB,en;q=0.9", "cy", "cy-GB,cy;q=0.9,en;q=0.5" }) {
            HttpResponse<String> response = send(method, path, null, contentType, body, language);
            assertProblem(response, status);
            boolean inWelsh = language != null && language.startsWith("cy");
            assertThat(response.body()).as(path + " " + language).contains(
                    "\"type\":\"" + ProblemTypes.forStatus(status).type() + "\"",
                    "\"title\":\"" + (inWelsh ? welshTitle : englishTitle) + "\"",
                    "\"detail\":\"" + (inWelsh ? welshDetail : englishDetail) + "\"");
            if (inWelsh) {
                welsh = response;
            }
        }
        return welsh;
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
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
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
