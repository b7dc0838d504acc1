package org.caseshare.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.caseshare.policy.PolicyError;
import org.caseshare.policy.PolicyLoader;
import org.caseshare.system.Catalogue;
import org.caseshare.system.Languages;
import org.junit.jupiter.api.Test;

/**
 * A policy error that carries a catalogue code says, in English, exactly its message (the words the
 * loader's tests and the API know), and something else in Welsh.
 */
class PolicyErrorWordsTests {

    private final PolicyLoader loader = new PolicyLoader();

    @Test
    void aCodedErrorsEnglishIsItsMessageWordForWordAndItsWelshIsWelsh() throws IOException {
        String good = defaultPolicy();
        List<String> broken = List.of("   \n", "rules: [", good.replace("full-record-due-after-emergency: 24h", "full-record-due-after-emergency: soon"),
                good.replace("rules:\n", "rules: {}\n"), good.replace("retention:\n", "retention:\n  shares: {keep-for: 1 year, deletion: approval}\n"),
                good.replace("retention:\n", "retention:\n  share: {keep-for: 1 year, deletion: approval}\n"),
                good.replace("retention:\n", "retention: []\n"), good.replace("safeguards:\n", "safeguards: []\n"));
        int coded = 0;
        for (String text : broken) {
            List<PolicyError> errors = loader.load(text).errors();
            assertThat(errors).as(text.length() > 40 ? text.substring(0, 40) : text).isNotEmpty();
            for (PolicyError error : errors) {
                if (error.code() != null) {
                    coded++;
                    Object[] args = error.args().toArray();
                    assertThat(Catalogue.text(Languages.ENGLISH, error.code(), args)).isEqualTo(error.message());
                    assertThat(Catalogue.text(Languages.WELSH, error.code(), args)).isNotEqualTo(error.message());
                }
            }
        }
        assertThat(coded).isGreaterThanOrEqualTo(6);
    }

    private static String defaultPolicy() throws IOException {
        try (InputStream in = PolicyErrorWordsTests.class.getResourceAsStream("/policy/default-policy.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
