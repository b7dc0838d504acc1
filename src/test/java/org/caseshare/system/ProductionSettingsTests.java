package org.caseshare.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ProductionSettingsTests {

    @TempDir
    Path folder;

    private MockEnvironment production() throws Exception {
        Path keyset = Files.writeString(folder.resolve("keyset.json"), "{}");
        MockEnvironment environment = new MockEnvironment()
                .withProperty("caseshare.crypto.keyset-file", keyset.toString())
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.internal:5432/caseshare")
                .withProperty("caseshare.storage.type", "s3")
                .withProperty("caseshare.base-url", "https://caseshare.council.example");
        environment.setActiveProfiles("production");
        return environment;
    }

    @Test
    void settingsForSeveralNodesPass() throws Exception {
        MockEnvironment environment = production();
        assertThat(ProductionSettings.problems(environment)).isEmpty();
        new ProductionSettings().postProcessEnvironment(environment, new SpringApplication());
    }

    @Test
    void aSharedFolderStatedByTheOperatorIsAccepted() throws Exception {
        MockEnvironment environment = production().withProperty("caseshare.storage.type", "filesystem");
        assertThat(ProductionSettings.problems(environment)).singleElement().asString().contains("CASESHARE_STORAGE_FILESYSTEM_SHARED");
        environment.setProperty("caseshare.storage.filesystem-shared", "true");
        assertThat(ProductionSettings.problems(environment)).isEmpty();
    }

    @Test
    void aKeysetGivenAsTextNeedsNoFile() throws Exception {
        MockEnvironment environment = production().withProperty("caseshare.crypto.keyset-file", folder.resolve("missing.json").toString());
        assertThat(ProductionSettings.problems(environment)).singleElement().asString().contains("missing.json does not");
        environment.setProperty("caseshare.crypto.keyset", "{\"primaryKeyId\":1}");
        assertThat(ProductionSettings.problems(environment)).isEmpty();
    }

    @Test
    void eachUnsafeSettingIsNamed() throws Exception {
        MockEnvironment environment = production().withProperty("spring.datasource.url", "jdbc:h2:file:./data/caseshare")
                .withProperty("caseshare.base-url", "http://caseshare.council.example");
        assertThatThrownBy(() -> new ProductionSettings().postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(UnsafeProductionSettingsException.class)
                .satisfies(e -> assertThat(((UnsafeProductionSettingsException) e).problems()).hasSize(2))
                .hasMessageContaining("SPRING_DATASOURCE_URL").hasMessageContaining("CASESHARE_BASE_URL");
    }

    @Test
    void withoutTheProductionProfileNothingIsChecked() {
        MockEnvironment laptop = new MockEnvironment();
        new ProductionSettings().postProcessEnvironment(laptop, new SpringApplication());
    }
}
