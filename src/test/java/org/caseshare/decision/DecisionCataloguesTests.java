package org.caseshare.decision;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.caseshare.policy.Authoriser;
import org.caseshare.policy.Channel;
import org.caseshare.policy.InformationCategory;
import org.caseshare.policy.Marking;
import org.caseshare.policy.OrganisationType;
import org.caseshare.policy.Reason;
import org.caseshare.policy.Urgency;
import org.caseshare.policy.Verdict;
import org.caseshare.system.Catalogue;
import org.caseshare.system.Languages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision pages name the policy's kinds of things through keys made from the constant's name
 * ({@code decision.channel.EMAIL}), which MessageCataloguesTests cannot see: every constant has its
 * words in both languages, and the English is the enum's own, word for word.
 */
class DecisionCataloguesTests {

    @Test
    void everyConstantHasItsWordsInBothLanguagesAndTheEnglishIsTheEnums() {
        for (Urgency u : Urgency.values()) {
            english("decision.urgency." + u.name(), u.displayName());
            english("decision.urgency." + u.name() + ".meaning", u.meaning());
        }
        for (InformationCategory c : InformationCategory.values()) {
            english("decision.category." + c.name(), c.displayName());
            english("decision.category." + c.name() + ".meaning", c.meaning());
        }
        Arrays.stream(OrganisationType.values()).forEach(t -> english("decision.organisation-type." + t.name(), t.displayName()));
        Arrays.stream(Channel.values()).forEach(c -> english("decision.channel." + c.name(), c.displayName()));
        Arrays.stream(Verdict.values()).forEach(v -> english("decision.verdict." + v.name(), v.displayName()));
        Arrays.stream(Authoriser.values()).forEach(a -> english("decision.authoriser." + a.name(), a.displayName()));
        for (Marking m : Marking.values()) {
            english("decision.marking." + m.name(), m.implications());
            english("decision.mapping." + m.name(), m.mapping().explanation());
        }
        Arrays.stream(Marking.Descriptor.values()).forEach(d -> english("decision.descriptor." + d.name(), d.meaning()));
        Arrays.stream(PolicySource.values()).forEach(s -> english("decision.policy-source." + s.name(), s.label()));
        List.of(Reason.Source.values()).forEach(s -> welsh("decision.source." + s.name()));
    }

    @Test
    void theFullRecordsTimeIsSaidAsBeforeInEnglishAndInWelshNumerals() {
        assertThat(Catalogue.text(Languages.ENGLISH, "decision.duration.hours.other", 24L)).isEqualTo("24 hours");
        assertThat(org.caseshare.system.Plurals.inLanguage(Languages.WELSH, "decision.duration.days", 2)).isEqualTo("2 ddiwrnod");
        assertThat(org.caseshare.system.Plurals.inLanguage(Languages.WELSH, "decision.duration.hours", 24)).isEqualTo("24 awr");
        assertThat(org.caseshare.system.Plurals.inLanguage(Languages.ENGLISH, "decision.duration.minutes", 1500)).isEqualTo("1500 minutes");
    }

    private static void english(String key, String expected) {
        assertThat(Catalogue.text(Languages.ENGLISH, key)).as(key).isEqualTo(expected);
        welsh(key);
    }

    /** In the Welsh file itself: a key missing there would quietly fall back to the English one. */
    private static void welsh(String key) {
        assertThat(WELSH.getProperty(key)).as(key).isNotBlank();
    }

    private static final Properties WELSH = welshFile();

    private static Properties welshFile() {
        Properties welsh = new Properties();
        try (var in = DecisionCataloguesTests.class.getResourceAsStream("/i18n/decision_cy.properties")) {
            welsh.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return welsh;
    }
}
