package org.caseshare.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The log check finds what it is for, says where, and does not repeat the secret it found. */
class LogLeakCheckTests {

    @Test
    void findsTheTestDataSecretsAndPeopleAndNamesTheLineWithoutQuotingIt() throws Exception {
        List<LogLeakCheck.Rule> rules = LogLeakCheck.rules(Path.of("src/test/java"));
        assertThat(rules).extracting(LogLeakCheck.Rule::what).contains("a secret of the test sources", "a person of the test data");
        List<String> lines = List.of(
                "2026-12-07 INFO all quiet",
                "2026-12-07 WARN signed in with " + Fixtures.PASSWORD,
                "2026-12-07 INFO sent to practitioner-1a2b3c4d@council-9f8e7d6c.example.org",
                "{\"message\":\"share about Robin Pupil\"}",
                "2026-12-07 DEBUG Authorization: Bearer cs_pat_AbCdEfGhIjKlMnOpQrStUv",
                "2026-12-07 DEBUG management " + Management.TOKEN);
        List<String> findings = LogLeakCheck.scan(Path.of("x-output.txt"), lines, rules);
        assertThat(findings).containsExactly(
                "x-output.txt:2: a secret of the test sources",
                "x-output.txt:3: an email address of the test data",
                "x-output.txt:4: a person of the test data",
                "x-output.txt:5: an API token",
                "x-output.txt:6: the test management token",
                "x-output.txt:6: a secret of the test sources");
        assertThat(String.join("\n", findings)).doesNotContain(Fixtures.PASSWORD).doesNotContain("Robin");
    }
}
