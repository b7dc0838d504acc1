package org.caseshare.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.caseshare.document.LabelFormat;
import org.caseshare.system.Languages;
import org.caseshare.system.Text;
import org.junit.jupiter.api.Test;

/**
 * Keys the channel pages name at run time ({@code #messages.msg('channels.post.format.' + …)}), which
 * MessageCataloguesTests cannot see, are in both languages; and a form's problems stay English in the API.
 */
class ChannelsCatalogueKeysTests {

    @Test
    void everyLabelFormatIsDescribedInBothLanguages() throws IOException {
        for (String file : List.of("i18n/channels.properties", "i18n/channels_cy.properties")) {
            Properties messages = load(file);
            for (LabelFormat format : LabelFormat.values()) {
                assertThat(messages.getProperty("channels.post.format." + format.name())).as(file + " " + format).isNotBlank();
            }
        }
        for (LabelFormat format : LabelFormat.values()) {
            assertThat(Text.of("channels.post.format." + format.name()).resolve(Languages.ENGLISH)).isEqualTo(format.description());
        }
    }

    @Test
    void aFormsProblemsAreEnglishInTheApiAndWelshOnAWelshPage() {
        ChannelInputException e = new ChannelInputException(Map.of("pages", Text.of("channels.error.fax.pages", 99)));
        assertThat(e.errors()).containsEntry("pages",
                "Enter the number of pages you are sending, not counting the cover sheet, from 1 to 99");
        assertThat(e.texts().get("pages").resolve(Languages.WELSH)).startsWith("Rhowch nifer y tudalennau");
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ChannelsCatalogueKeysTests.class.getClassLoader().getResourceAsStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
