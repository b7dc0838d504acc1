package org.caseshare.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import org.caseshare.system.Catalogue;
import org.caseshare.system.Languages;
import org.caseshare.system.Text;
import org.junit.jupiter.api.Test;

/**
 * What verifying the trail finds is said from the audit catalogue: in English word for word as the
 * command line, the logs and the tamper tests have always had it (the sentences below are the ones
 * the verifier used to build), and in Welsh on a Welsh page. Every finding in the catalogue is here,
 * including those whose code the verifier builds ("-more", "-one" or "-several").
 */
class AuditFindingWordsTests {

    private static final Text STORED = Text.of("audit.finding.stored-checkpoint", "12");
    private static final Text SUPPLIED = Text.of("audit.finding.checkpoint", "exported.txt");

    @Test
    void eachFindingSaysInEnglishWhatTheVerifierAlwaysSaidAndSomethingElseInWelsh() throws IOException {
        Map<Text, String> findings = new LinkedHashMap<>();
        findings.put(STORED, "stored checkpoint at tree size 12");
        findings.put(SUPPLIED, "checkpoint exported.txt");
        findings.put(Text.of("audit.finding.changed", "7"), "entry 7 was changed after it was written: its seal does not match it");
        findings.put(Text.of("audit.finding.changed-more", "4", "1234"), "4 more entries were changed after they were written, up to entry 1234");
        findings.put(Text.of("audit.finding.unsealed", "8"), "entry 8 has lost its seal");
        findings.put(Text.of("audit.finding.unsealed-more", "2", "90"), "2 more entries have lost their seals, up to entry 90");
        findings.put(Text.of("audit.finding.pending-changed", "2026-03-31T10:15:30Z"),
                "the entry written at 2026-03-31T10:15:30Z and not yet sequenced was changed after it was written");
        findings.put(Text.of("audit.finding.pending-changed-more", "5"), "5 more entries not yet sequenced were changed after they were written");
        findings.put(Text.of("audit.finding.deleted-pending", "0b6e", "2026-03-31T10:15:30Z"), "the entry 0b6e committed before"
                + " 2026-03-31T10:15:30Z was deleted before it was sequenced (reported by the node that committed it)");
        findings.put(Text.of("audit.finding.seal-broken", "9", "2026-03-31T10:15:30Z"), "entry 9 was changed before it was sequenced:"
                + " its seal did not match it when the sequencer took it (2026-03-31T10:15:30Z)");
        findings.put(Text.of("audit.finding.missing", "5", "4", "6"), "entry 5 is missing (the sequence jumps from 4 to 6)");
        findings.put(Text.of("audit.finding.missing-range", "5", "9", "4", "10"), "entries 5 to 9 are missing (the sequence jumps from 4 to 10)");
        findings.put(Text.of("audit.finding.out-of-order", "3", "5"), "entry 3 appears more than once or out of order (expected entry 5)");
        findings.put(Text.of("audit.finding.mismatch", STORED, "2026-03-31T10:15:30Z", "1", "12"), "stored checkpoint at tree size 12"
                + " (signed 2026-03-31T10:15:30Z) does not match the entries: an entry between 1 and 12 was changed, removed,"
                + " inserted or reordered after it was signed");
        findings.put(Text.of("audit.finding.later-mismatch-one", "1", "20"),
                "1 later checkpoint, up to tree size 20, does not match the entries either, as follows from the change above");
        findings.put(Text.of("audit.finding.later-mismatch-several", "3", "40"),
                "3 later checkpoints, up to tree size 40, do not match the entries either, as follows from the change above");
        findings.put(Text.of("audit.finding.cut-off", SUPPLIED, "30", "25"),
                "checkpoint exported.txt covers 30 entries but the database holds only 25: entries after 25 were deleted");
        findings.put(Text.of("audit.finding.beyond-one", "1", "40"), "1 later checkpoint, up to tree size 40, also covers entries that are not there");
        findings.put(Text.of("audit.finding.beyond-several", "2", "50"), "2 later checkpoints, up to tree size 50, also cover entries that are not there");
        findings.put(Text.of("audit.finding.head", "30", "25"), "the audit head says the last entry is 30 but 25 entries were found");
        findings.put(Text.of("audit.finding.other-log", SUPPLIED, "elsewhere", "caseshare"),
                "checkpoint exported.txt is for the log 'elsewhere', not 'caseshare'");
        findings.put(Text.of("audit.finding.bad-signature", STORED, "caseshare", "bad signature"),
                "stored checkpoint at tree size 12 is not validly signed by the audit key caseshare: bad signature");
        findings.put(Text.of("audit.finding.malformed", SUPPLIED, "no blank line"), "checkpoint exported.txt is not a well-formed checkpoint: no blank line");

        TreeSet<String> said = new TreeSet<>();
        findings.forEach((finding, english) -> {
            said.add(finding.code());
            assertThat(finding.resolve(Languages.ENGLISH)).isEqualTo(english);
            assertThat(finding.resolve(Languages.WELSH)).as(finding.code()).isNotEqualTo(english).doesNotContain("checkpoint ");
        });
        TreeSet<String> every = new TreeSet<>();
        for (String key : english().stringPropertyNames()) {
            if (key.startsWith("audit.finding.")) {
                every.add(key);
            }
        }
        assertThat(said).isEqualTo(every);
    }

    @Test
    void theReportsFailuresAreInEnglishWhateverTheLanguageOfTheRequest() {
        VerificationReport report = new VerificationReport(7, 0, 6, "root", java.util.List.of(Text.of("audit.finding.changed", "7")), 0);

        org.springframework.context.i18n.LocaleContextHolder.setLocale(Languages.WELSH);
        try {
            assertThat(report.failures()).containsExactly("entry 7 was changed after it was written: its seal does not match it");
            assertThat(report.firstFinding().orElseThrow().toString()).isEqualTo(Catalogue.text(Languages.WELSH, "audit.finding.changed", "7"));
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }

    private static Properties english() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/i18n/audit.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
