package org.caseshare.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.caseshare.support.JarHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar started in the production profile with the settings that suit one laptop: it
 * refuses, names every setting to put right, and leaves nothing behind (no keyset of its own, no
 * database, no blob folder).
 */
class ProductionProfileIntegrationTests {

    @TempDir
    Path home;

    @Test
    void theProductionProfileRefusesOneNodeSettingsAndNamesThem() throws Exception {
        JarHome jar = new JarHome(home);

        JarHome.Outcome outcome = jar.attempt("--spring.profiles.active=production", "--server.port=0");

        assertThat(outcome.exitCode()).as(outcome.output()).isNotZero();
        assertThat(outcome.output())
                .contains("Caseshare will not start in the production profile, because:")
                .contains("CASESHARE_KEYSET_FILE").contains(home.resolve("keys/keyset.json") + " does not")
                .contains("SPRING_DATASOURCE_URL")
                .contains("CASESHARE_STORAGE_TYPE").contains("CASESHARE_STORAGE_FILESYSTEM_SHARED")
                .contains("CASESHARE_BASE_URL")
                .doesNotContain("\tat org.");
        assertThat(Files.exists(home.resolve("keys"))).as("no keyset of its own").isFalse();
        assertThat(Files.exists(home.resolve("data"))).as("no database or blob folder").isFalse();
    }
}
