package org.caseshare.webhook;

import org.caseshare.system.Catalogue;
import org.caseshare.system.Languages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The add-endpoint page names every event by a dynamic key, which MessageCataloguesTests cannot see. */
class EventTypeWordsTests {

    @Test
    void everyEventHasItsLabelInBothLanguages() {
        for (EventType type : EventType.values()) {
            assertThat(Catalogue.text(Languages.ENGLISH, "webhook.event." + type.name())).isEqualTo(type.label());
            assertThat(Catalogue.text(Languages.WELSH, "webhook.event." + type.name())).isNotBlank().isNotEqualTo(type.label());
        }
    }
}
