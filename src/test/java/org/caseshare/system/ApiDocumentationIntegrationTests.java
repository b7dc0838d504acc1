package org.caseshare.system;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.media.Schema;

import org.caseshare.directory.Organisation;
import org.caseshare.identity.Role;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The OpenAPI document and Swagger UI: for signed-in people only, OpenAPI 3.1 naming the bearer
 * scheme and the problem types, and the committed docs/api/openapi.json always the running app's.
 */
class ApiDocumentationIntegrationTests extends IntegrationTest {

    static final Path COMMITTED = Path.of("docs/api/openapi.json");
    static final String REFRESH = "caseshare.openapi.refresh";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    Visitor signedIn() throws Exception {
        Organisation council = fixtures.organisation("Council");
        return fixtures.signIn(mvc, fixtures.person(council, Role.PRACTITIONER));
    }

    @Test
    void theDocumentAndSwaggerUiAreForSignedInPeopleOnly() throws Exception {
        Visitor stranger = new Visitor(mvc);
        for (String path : new String[] {"/v3/api-docs", "/swagger-ui/index.html", "/v3/api-docs/swagger-config"}) {
            MockHttpServletResponse response = stranger.get(path).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(302);
            assertThat(response.getRedirectedUrl()).as(path).endsWith("/login");
        }
        Visitor visitor = signedIn();
        MockHttpServletResponse ui = visitor.get("/swagger-ui/index.html").andReturn().getResponse();
        assertThat(ui.getStatus()).isEqualTo(200);
        assertThat(ui.getHeader("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-eval");
        assertThat(ui.getHeader("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void theDocumentIsOpenApi31WithTheBearerSchemeAndTheProblemTypes() throws Exception {
        JsonNode spec = JSON.readTree(document(signedIn()));
        assertThat(spec.get("openapi").asString()).startsWith("3.1.");
        assertThat(spec.at("/components/securitySchemes/personalAccessToken/scheme").asString()).isEqualTo("bearer");
        assertThat(spec.at("/security/0").has("personalAccessToken")).isTrue();
        JsonNode types = spec.at("/components/schemas/Problem/properties/type/enum");
        assertThat(types.size()).isEqualTo(ProblemTypes.ALL.size());
        assertThat(spec.get("paths").propertyNames()).allMatch(p -> p.startsWith("/api/v1/"));
        // Whoever acts comes from the token: never a parameter.
        assertThat(spec.toString()).doesNotContain("\"name\":\"user\"").doesNotContain("\"name\":\"actor\"");
    }

    /**
     * springdoc names a schema by its class's simple name, so two records called PolicyResponse in two
     * modules would silently become one schema, wrong for one of them: each name must be one class's.
     */
    @Test
    void everySchemaNameBelongsToOneClass() {
        Map<String, Set<Class<?>>> byName = new TreeMap<>();
        handlers.getHandlerMethods().forEach((mapping, method) -> {
            if (mapping.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/v1/"))) {
                Set<Class<?>> seen = new HashSet<>();
                collect(method.getMethod().getGenericReturnType(), seen);
                for (var parameter : method.getMethod().getParameters()) {
                    collect(parameter.getParameterizedType(), seen);
                }
                seen.forEach(type -> byName.computeIfAbsent(schemaName(type), n -> new HashSet<>()).add(type));
            }
        });
        assertThat(byName).as("schema names").isNotEmpty();
        byName.forEach((name, types) -> assertThat(types).as("classes named " + name + " in the document (give one @Schema(name = …))")
                .hasSize(1));
    }

    private static String schemaName(Class<?> type) {
        Schema schema = type.getAnnotation(Schema.class);
        return schema != null && !schema.name().isEmpty() ? schema.name() : type.getSimpleName();
    }

    /** The project's records reachable from a type (enums are written inline, not as named schemas). */
    private static void collect(Type type, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), seen);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, seen);
            }
        } else if (type instanceof Class<?> raw && raw.getName().startsWith("org.caseshare.") && !raw.equals(Actor.class)
                && raw.isRecord() && seen.add(raw)) {
            for (RecordComponent component : raw.getRecordComponents()) {
                collect(component.getGenericType(), seen);
            }
        }
    }

    /** docs/api/openapi.json is what the app serves; refresh it with -Dcaseshare.openapi.refresh=true. */
    @Test
    void theCommittedDocumentIsCurrent() throws Exception {
        String served = document(signedIn());
        if (Boolean.getBoolean(REFRESH)) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(served)) + "\n");
        }
        if (!Files.exists(COMMITTED)) {
            fail(COMMITTED + " is missing. " + refreshHint());
        }
        JsonNode committed = JSON.readTree(Files.readString(COMMITTED));
        if (!committed.equals(JSON.readTree(served))) {
            fail(COMMITTED + " differs from the running app's /v3/api-docs. If the change to the API is meant, " + refreshHint());
        }
    }

    static String refreshHint() {
        return "Refresh it with: ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false "
                + "-Dit.test=ApiDocumentationIntegrationTests -D" + REFRESH + "=true "
                + "-Dopenapi.refresh.excludes=**/GeneratedClientJourneyIntegrationTests.java, "
                + "then review and commit the diff, and run GeneratedClientJourneyIntegrationTests (its client is generated from the file).";
    }

    private static String document(Visitor visitor) throws Exception {
        MockHttpServletResponse response = visitor.get("/v3/api-docs").andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }
}
