package org.caseshare.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every variable the packaged env file, the Dockerfile and compose.yaml set is one the application
 * reads, and is documented in README's Configuration table (issue #17 item 1). None of the three is
 * built in CI (no container registry, no systemd), so a misspelt variable would only show as a setting
 * silently ignored on a council's server; this is where it shows instead.
 */
class ConfigurationReferenceTests {

    private static final Path ENV_FILE = Path.of("src/deb/caseshare.env");
    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final Path COMPOSE = Path.of("compose.yaml");
    private static final Path README = Path.of("README.md");

    static ConfigurationReference reference;
    static Set<String> documented;

    @BeforeAll
    static void readTheReference() throws IOException {
        reference = ConfigurationReference.load(Path.of("src/main/resources"));
        documented = ConfigurationReference.documented(README);
    }

    @Test
    void theReferenceKnowsOurSettingsAndBootsAndNothingMadeUp() {
        assertThat(reference.propertyCount()).as("properties in the configuration metadata").isGreaterThan(500);
        assertThat(reference.exists("CASESHARE_DATA_DIR")).as("a placeholder in application.yml").isTrue();
        assertThat(reference.exists("CASESHARE_JOBS_NODE_NAME")).as("ours, by relaxed binding").isTrue();
        assertThat(reference.exists("CASESHARE_JOBS_NODENAME")).as("ours, dash dropped").isTrue();
        assertThat(reference.exists("SPRING_MAIL_HOST")).as("Boot's").isTrue();
        assertThat(reference.exists("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE")).as("a key of a map property").isTrue();
        assertThat(reference.exists("CASESHARE_JOBS_NODE")).isFalse();
        assertThat(reference.exists("CASESHARE_DATADIR_PATH")).isFalse();
        assertThat(reference.exists("SPRING_MAIL_HOSTNAME")).isFalse();
    }

    @Test
    void theReadmeTableIsReadWithItsShorthand() {
        assertThat(documented).contains("CASESHARE_DATA_DIR", "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
                "SPRING_DATASOURCE_PASSWORD", "CASESHARE_S3_SECRET_ACCESS_KEY", "PORT");
        assertThat(documented).doesNotContain("SPRING_DATASOURCE_SECRET");
    }

    @Test
    void thePackagedEnvFileSetsOnlyVariablesThatExistAndAreDocumented() throws IOException {
        assertKnownAndDocumented(ENV_FILE, ConfigurationReference.environmentFileVariables(ENV_FILE));
    }

    @Test
    void theDockerfileSetsOnlyVariablesThatExistAndAreDocumented() throws IOException {
        assertKnownAndDocumented(DOCKERFILE, ConfigurationReference.dockerfileVariables(DOCKERFILE));
    }

    @Test
    void composeSetsOnlyVariablesThatExistAndAreDocumented() throws IOException {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(COMPOSE)) {
            compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
        Set<String> variables = ConfigurationReference.composeVariables(compose);
        assertThat(variables).as("the Caseshare services' variables (with the shared anchor merged)")
                .contains("CASESHARE_BASE_URL", "SPRING_DATASOURCE_URL", "CASESHARE_JOBS_NODE_NAME");
        assertKnownAndDocumented(COMPOSE, variables);
    }

    private static void assertKnownAndDocumented(Path file, Set<String> variables) {
        assertThat(variables).as("variables set in %s", file).isNotEmpty();
        Set<String> unknown = new TreeSet<>();
        Set<String> undocumented = new TreeSet<>();
        for (String variable : variables) {
            if (!reference.exists(variable)) {
                unknown.add(variable);
            }
            if (!documented.contains(variable)) {
                undocumented.add(variable);
            }
        }
        assertThat(unknown).as("variables in %s that no setting reads (misspelt, or a setting that is gone)", file).isEmpty();
        assertThat(undocumented).as("variables in %s missing from README's Configuration table", file).isEmpty();
    }
}
