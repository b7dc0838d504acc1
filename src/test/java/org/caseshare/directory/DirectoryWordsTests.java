package org.caseshare.directory;

import org.caseshare.system.Catalogue;
import org.caseshare.system.Languages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages name kinds and languages by dynamic keys, which MessageCataloguesTests cannot see. */
class DirectoryWordsTests {

    @Test
    void everyKindAndLanguageHasItsWordsInBothLanguages() {
        for (var language : Languages.SUPPORTED) {
            for (OrganisationKind kind : OrganisationKind.values()) {
                assertThat(Catalogue.text(language, "directory.organisation-kind." + kind.name())).isNotBlank();
            }
            for (ContactPointKind kind : ContactPointKind.values()) {
                for (String key : new String[] { "directory.contact-point-kind.", "directory.contact-point-kinds.",
                        "directory.contact-point.add.", "directory.contact-point.change." }) {
                    assertThat(Catalogue.text(language, key + kind.name())).isNotBlank();
                }
            }
            for (OrganisationLanguage spoken : OrganisationLanguage.values()) {
                assertThat(Catalogue.text(language, "directory.language." + spoken.code())).isNotBlank();
            }
        }
    }

    @Test
    void theEnglishLabelsAreTheCataloguesEnglish() {
        for (OrganisationKind kind : OrganisationKind.values()) {
            assertThat(Catalogue.text(Languages.ENGLISH, "directory.organisation-kind." + kind.name())).isEqualTo(kind.label());
        }
        for (ContactPointKind kind : ContactPointKind.values()) {
            assertThat(Catalogue.text(Languages.ENGLISH, "directory.contact-point-kind." + kind.name())).isEqualTo(kind.label());
            assertThat(Catalogue.text(Languages.ENGLISH, "directory.contact-point-kinds." + kind.name())).isEqualTo(kind.heading());
        }
    }

    @Test
    void languagesAreReadByTheirCodes() {
        assertThat(OrganisationLanguage.fromCode("CY")).contains(OrganisationLanguage.WELSH);
        assertThat(OrganisationLanguage.fromCode("both")).contains(OrganisationLanguage.BOTH);
        assertThat(OrganisationLanguage.fromCode("fr")).isEmpty();
        assertThat(OrganisationLanguage.BOTH.locales()).containsExactly(Languages.WELSH, Languages.ENGLISH);
    }
}
