package org.caseshare.retention;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.caseshare.policy.RetentionKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue keys the retention page names dynamically (a kind of record, the certificate's
 * reason), which MessageCataloguesTests cannot see in the template, exist in English and in Welsh.
 */
class RetentionCatalogueKeysTests {

    @Test
    void everyDynamicKeyIsInBothLanguages() throws IOException {
        List<String> keys = new ArrayList<>();
        for (RetentionKind kind : RetentionKind.values()) {
            keys.add("retention.kind." + kind.name());
        }
        for (String plural : List.of("retention.certificate.erasure", "retention.certificate.retention")) {
            keys.add(plural + ".one");
            keys.add(plural + ".other");
        }
        Properties english = load("retention.properties");
        Properties welsh = load("retention_cy.properties");
        assertThat(keys).as("keys missing from i18n/retention.properties").allMatch(english::containsKey);
        assertThat(keys).as("keys missing from i18n/retention_cy.properties").allMatch(welsh::containsKey);
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/i18n", file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
