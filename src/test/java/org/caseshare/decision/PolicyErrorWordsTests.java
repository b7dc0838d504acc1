package org.caseshare.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.caseshare.policy.PolicyError;
import org.caseshare.policy.PolicyLoader;
import org.caseshare.support.SmallPolicy;
import org.caseshare.system.Catalogue;
import org.caseshare.system.Languages;
import org.caseshare.system.Text;
import org.junit.jupiter.api.Test;

/**
 * A policy error that carries a catalogue code says, in English, exactly its message (the words the
 * loader's tests and the API know), and something else in Welsh. Every error the loader finds has a
 * code, and every code (with the words inside errors: what they are about, the kinds of value) is
 * said by some broken policy below.
 */
class PolicyErrorWordsTests {

    private static final String VALID = SmallPolicy.TEXT;

    /** Said by the versions' own checks (PolicyVersions), not by the loader. */
    private static final Set<String> NOT_THE_LOADERS = Set.of("decision.policy-error.empty",
            "decision.policy-error.too-long", "decision.policy-error.version", "decision.policy-error.stale");

    private final PolicyLoader loader = new PolicyLoader();

    @Test
    void aCodedErrorsEnglishIsItsMessageWordForWordAndItsWelshIsWelsh() throws IOException {
        String good = defaultPolicy();
        List<String> broken = new ArrayList<>(List.of("   \n", "rules: [", "- a\n- b\n", "x".repeat(1_000_001),
                good.replace("full-record-due-after-emergency: 24h", "full-record-due-after-emergency: soon"),
                good.replace("rules:\n", "rules: {}\n"), good.replace("retention:\n", "retention:\n  shares: {keep-for: 1 year, deletion: approval}\n"),
                good.replace("retention:\n", "retention:\n  share: {keep-for: 1 year, deletion: approval}\n"),
                good.replace("retention:\n", "retention: []\n"), good.replace("safeguards:\n", "safeguards: []\n")));
        broken.addAll(fieldLevel());
        Set<String> said = new TreeSet<>();
        for (String text : broken) {
            List<PolicyError> errors = loader.load(text).errors();
            assertThat(errors).as("broken policy %d", broken.indexOf(text)).isNotEmpty();
            for (PolicyError error : errors) {
                assertThat(error.code()).as("a code for: " + error.message()).isNotNull();
                codes(error.code(), error.args(), said);
                Text words = PolicyController.text(error);
                assertThat(Catalogue.text(Languages.ENGLISH, words)).isEqualTo(error.message());
                assertThat(Catalogue.text(Languages.WELSH, words)).isNotEqualTo(error.message());
            }
        }
        Set<String> every = new TreeSet<>();
        for (String key : english().stringPropertyNames()) {
            if (key.startsWith("decision.policy-error.") || key.startsWith("decision.policy-what.")
                    || key.startsWith("decision.policy-kind.")) {
                every.add(key);
            }
        }
        every.removeAll(NOT_THE_LOADERS);
        assertThat(said).containsAll(every);
    }

    @Test
    void wordsInsideAnErrorAreSaidInTheReadersLanguage() {
        PolicyError error = loader.load(VALID.replace("channels: all", "chanels: all")).errors().get(0);

        assertThat(Catalogue.text(Languages.WELSH, PolicyController.text(error))).isEqualTo(
                "maes anhysbys 'chanels' o fewn y rheol 'baseline': then; disgwylir un o’r rhain:"
                        + " advice, advice-cy, authoriser, channels, conditions, minimal-record-first, outcome");
    }

    /** One broken policy for each field-level error, and for each thing an error can be about. */
    private static List<String> fieldLevel() {
        return List.of(
                VALID.replace("then:\n      channels: all\n      outcome: allowed\n", "then: allowed\n"),
                VALID + "? [a, b]\n: x\n",
                VALID + "bogus: 1\n",
                VALID.replace("title: Test policy\n", "title: Test policy\ntitle: Another\n"),
                VALID.replace("    because: Every channel is open with its checklist.\n", ""),
                VALID.replace("    text: Seal the information in a double envelope.\n", ""),
                VALID.replace("title: Test policy", "title: ''"),
                VALID.replace("id: baseline", "id: ''"),
                VALID.replace("id: post.double-envelope", "id: ''"),
                VALID.replace("because: Every channel is open with its checklist.", "because: ''"),
                VALID.replace("text: Seal the information in a double envelope.", "text: ''"),
                VALID.replace("guide: take a risk based approach", "guide: ''"),
                VALID.replace("bulk-from-records: 1000", "bulk-from-records: lots"),
                VALID.replace("    then:\n", "    when:\n      bulk: maybe\n    then:\n"),
                VALID.replace("      outcome: allowed\n", "      outcome: allowed-with-conditions\n      conditions: [[a]]\n"),
                VALID.replace("      outcome: allowed\n", "      outcome: allowed-with-conditions\n      conditions: {a: b}\n"),
                VALID.replace("channels: [post]", "channels: [pigeon]"),
                VALID.replace("    then:\n", "    when:\n      marking: [SECRETIVE]\n      urgency: [whenever]\n"
                        + "      categories: [gossip]\n      sender: [pub]\n    then:\n"),
                VALID.replace("      outcome: allowed\n", "      outcome: allowed-with-conditions\n      authoriser: nobody\n"),
                VALID.replace("outcome: allowed", "outcome: maybe"),
                VALID.replace("      outcome: allowed\n", "      outcome: allowed-with-conditions\n"
                        + "      authoriser: [manager, information-security-officer]\n"),
                VALID.replace("    guide: take a risk based approach\n", ""),
                VALID.replace("    then:\n", "    when:\n      between: [council, school]\n      recipient: [health]\n    then:\n"),
                VALID.replace("    then:\n", "    when:\n      between: [council]\n    then:\n"),
                VALID.replace("    then:\n", "    when:\n      urgency: []\n    then:\n"),
                VALID.replace("      outcome: allowed\n", "      outcome: allowed-with-conditions\n      conditions: [post.triple-envelope]\n"),
                VALID.replace("channels: all", "channels: []"),
                VALID.replace("      outcome: allowed\n", "      outcome: allowed\n      authoriser: manager\n"),
                VALID.replace("      outcome: allowed\n", "      outcome: allowed-with-conditions\n"),
                VALID.replace("      outcome: allowed\n", "      outcome: refused\n      minimal-record-first: true\n"),
                VALID + "retention:\n  share: {keep-for: forever, deletion: never}\n",
                VALID.replace("guide: Seal the information in a double envelope", "guide: ['']"),
                VALID.replace("    guide: Seal the information in a double envelope\n", ""),
                VALID.replace("id: post.double-envelope", "id: Post").replace("id: baseline", "id: Baseline"),
                VALID.substring(0, VALID.indexOf("rules:")) + "rules: []\n",
                VALID.substring(0, VALID.indexOf("safeguards:")) + "safeguards: []\n" + VALID.substring(VALID.indexOf("rules:")),
                VALID + "retention: []\n",
                VALID.replace("rules:\n", "  - id: post.double-envelope\n    text: Twice.\n    guide: Twice\nrules:\n")
                        + VALID.substring(VALID.indexOf("  - id: baseline")));
    }

    private static void codes(String code, List<Object> args, Set<String> said) {
        said.add(code);
        for (Object arg : args) {
            if (arg instanceof PolicyError.Words words) {
                codes(words.code(), words.args(), said);
            }
        }
    }

    private static Properties english() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/i18n/decision.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static String defaultPolicy() throws IOException {
        try (InputStream in = PolicyErrorWordsTests.class.getResourceAsStream("/policy/default-policy.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
