package org.caseshare.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.caseshare.support.IntegrationTest;
import org.caseshare.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What lets others run and report on a release (issue #17 item 7): {@code /.well-known/security.txt}
 * (RFC 9116) and the policy it names, public and valid whatever the date; the version on
 * {@code /actuator/info}, public and with nothing else; and the version in every page's footer.
 */
abstract class ReleaseInformationTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    BuildProperties build;
    @Value("${caseshare.base-url}")
    String baseUrl;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void securityTxtIsPublicPlainTextWithEveryFieldRfc9116Asks() throws Exception {
        MockHttpServletResponse response = anonymous("/.well-known/security.txt");

        assertThat(response.getStatus()).isEqualTo(200);
        MediaType type = MediaType.parseMediaType(response.getContentType());
        assertThat(type.isCompatibleWith(MediaType.TEXT_PLAIN)).as(response.getContentType()).isTrue();
        assertThat(type.getCharset()).isEqualTo(StandardCharsets.UTF_8);
        Map<String, List<String>> fields = fields(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(fields.get("Contact")).isNotEmpty().allSatisfy(contact -> assertThat(contact).matches("(mailto|https|tel):.+"));
        assertThat(fields.get("Expires")).hasSize(1);
        Instant expires = Instant.parse(fields.get("Expires").get(0));
        assertThat(expires).isAfter(clock.instant()).isBefore(clock.instant().plus(Duration.ofDays(366)));
        assertThat(fields.get("Canonical")).containsExactly(baseUrl + "/.well-known/security.txt");
        assertThat(fields.get("Preferred-Languages")).containsExactly("en");
        assertThat(fields.get("Policy")).containsExactly(baseUrl + "/security-policy");
        assertThat(fields.keySet()).containsOnly("Contact", "Expires", "Canonical", "Preferred-Languages", "Policy");
    }

    @Test
    void securityTxtNeverGoesStaleBecauseItsExpiryIsWorkedOutWhenAsked() throws Exception {
        clock.advance(Duration.ofDays(3 * 365));

        Map<String, List<String>> fields = fields(anonymous("/.well-known/security.txt").getContentAsString(StandardCharsets.UTF_8));

        assertThat(Instant.parse(fields.get("Expires").get(0))).isAfter(clock.instant());
    }

    @Test
    void thePolicyItNamesIsServedToo() throws Exception {
        MockHttpServletResponse response = anonymous("/security-policy");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("# Security policy", "Reporting a vulnerability",
                "## In scope");
    }

    @Test
    void actuatorInfoIsPublicAndShowsTheVersionAndNothingElse() throws Exception {
        MockHttpServletResponse response = anonymous("/actuator/info");

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode info = JsonMapper.builder().build().readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(info.path("build").path("version").asString()).isEqualTo(build.getVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(info.propertyNames()).containsExactly("build");
    }

    @Test
    void everyPageFooterNamesTheVersion() throws Exception {
        for (String page : List.of("/accessibility", "/login")) {
            MockHttpServletResponse response = anonymous(page);

            assertThat(response.getStatus()).as(page).isEqualTo(200);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(page).contains("Caseshare " + build.getVersion() + "</span>");
        }
    }

    private MockHttpServletResponse anonymous(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse();
    }

    /** RFC 9116 §2.2 fields: "Name: value" lines, comments and blank lines skipped; names may repeat. */
    private static Map<String, List<String>> fields(String text) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(": ");
            assertThat(colon).as("a field line: %s", line).isPositive();
            fields.computeIfAbsent(line.substring(0, colon), name -> new ArrayList<>()).add(line.substring(colon + 2).strip());
        }
        return fields;
    }
}
