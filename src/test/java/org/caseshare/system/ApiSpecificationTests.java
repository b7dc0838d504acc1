package org.caseshare.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed OpenAPI document (kept current by {@code ApiDocumentationIntegrationTests}) against
 * an independent validator and against README's API table: the same operations, the same callers.
 */
class ApiSpecificationTests {

    static final Path SPEC = Path.of("docs/api/openapi.json");
    private static final Pattern ROW = Pattern.compile("^\\| (GET|POST|PUT|DELETE|PATCH) \\| `([^`]+)` \\| (.*) \\| ([^|]+) \\|$");

    @Test
    void anIndependentValidatorFindsNothingWrong() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(Files.readString(SPEC), null, options);
        System.out.println("swagger-parser messages for " + SPEC + ": " + result.getMessages());
        assertThat(result.getOpenAPI()).as("parsed").isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1.");
        assertThat(result.getMessages()).as("swagger-parser's messages").isEmpty();
    }

    @Test
    void readmesApiTableListsExactlyTheOperationsOfTheSpecWithTheirCallers() throws Exception {
        Map<String, String> readme = readmeOperations();
        Map<String, String> spec = specOperations();
        assertThat(readme.keySet()).as("README's API table (left) against docs/api/openapi.json (right): paths and methods")
                .containsExactlyInAnyOrderElementsOf(spec.keySet());
        readme.forEach((operation, who) -> assertThat(who).as("who may call " + operation + " in README and in @Callers")
                .isEqualTo(spec.get(operation)));
    }

    /** "METHOD path" → who, from the table under README's "### API" heading. */
    static Map<String, String> readmeOperations() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n### API\n");
        int end = readme.indexOf("\n### ", start + 1);
        assertThat(start).as("README has an '### API' section").isPositive();
        Map<String, String> operations = new TreeMap<>();
        List<String> duplicates = new ArrayList<>();
        for (String line : readme.substring(start, end).split("\n")) {
            Matcher row = ROW.matcher(line.strip());
            if (row.matches() && operations.put(row.group(1) + " " + row.group(2), row.group(4).strip()) != null) {
                duplicates.add(row.group(1) + " " + row.group(2));
            }
        }
        assertThat(duplicates).as("operations listed twice in README").isEmpty();
        return operations;
    }

    static Map<String, String> specOperations() throws Exception {
        JsonNode spec = JsonMapper.builder().build().readTree(Files.readString(SPEC));
        Map<String, String> operations = new TreeMap<>();
        spec.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operations.put(operation.getKey().toUpperCase() + " " + path.getKey(),
                        operation.getValue().path(ApiDocumentation.CALLERS).asString(""))));
        return operations;
    }
}
