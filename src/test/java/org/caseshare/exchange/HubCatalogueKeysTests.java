package org.caseshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.caseshare.system.Languages;
import org.caseshare.system.Text;
import org.junit.jupiter.api.Test;

/**
 * The hub's pages name some keys at run time ({@code #messages.msg('hub.package.status.' + …)}),
 * which MessageCataloguesTests cannot see: each such key is here, in English and in Welsh.
 */
class HubCatalogueKeysTests {

    @Test
    void everyStatusHasItsWordsInBothLanguages() throws IOException {
        List<String> keys = new ArrayList<>();
        for (PackageStatus status : PackageStatus.values()) {
            keys.add("hub.package.status." + status.name());
        }
        for (FileRequest.Status status : FileRequest.Status.values()) {
            keys.add("hub.request.status." + status.name());
        }
        keys.addAll(List.of("hub.package.receipts.acknowledged", "hub.package.receipts.downloaded", "hub.package.receipts.confirmed"));
        for (String file : List.of("i18n/hub.properties", "i18n/hub_cy.properties")) {
            assertThat(load(file).stringPropertyNames()).as(file).containsAll(keys);
        }
    }

    @Test
    void theStatusWordsInEnglishAreTheLabelsTheApiGives() {
        for (PackageStatus status : PackageStatus.values()) {
            assertThat(Text.of("hub.package.status." + status.name()).resolve(Languages.ENGLISH)).isEqualTo(status.label());
        }
        for (FileRequest.Status status : FileRequest.Status.values()) {
            assertThat(Text.of("hub.request.status." + status.name()).resolve(Languages.ENGLISH)).isEqualTo(status.label());
        }
    }

    @Test
    void aRefusedFormIsInEnglishForTheApiAndInTheReadersLanguageForThePages() {
        HubErrors.Invalid refused = new HubErrors().put("expiresInDays", "hub.error.expires", 30L).invalid("The package has invalid fields");
        assertThat(refused.errors()).containsEntry("expiresInDays", "Choose between 1 and 30 days");
        assertThat(HubErrors.texts(refused).get("expiresInDays").resolve(Languages.WELSH)).isEqualTo("Dewiswch rhwng 1 a 30 diwrnod");
    }

    static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = HubCatalogueKeysTests.class.getClassLoader().getResourceAsStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
