package org.caseshare.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The default policy loads, is immutable, and carries a version that pins its exact text. */
class PolicyLoaderTests {

    private final PolicyLoader loader = new PolicyLoader();

    @Test
    void theDefaultPolicyLoadsWithItsVersionAndSettings() throws Exception {
        String text = defaultText();

        Policy policy = loader.load(text).orElseThrow();

        assertThat(policy.version().number()).isEqualTo(1);
        assertThat(policy.version().sha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))));
        assertThat(policy.version().label()).startsWith("v1 (").hasSize(13);
        assertThat(policy.fullRecordDueAfterEmergency()).isEqualTo(Duration.ofHours(24));
        assertThat(policy.bulkFromRecords()).isEqualTo(1000);
        assertThat(policy.text()).isEqualTo(text);
        assertThat(PolicyLoader.defaultPolicy().version()).isEqualTo(policy.version());
    }

    @Test
    void anyEditChangesTheFingerprintEvenWithTheSameNumber() throws IOException {
        String text = defaultText();

        Policy edited = loader.load(text.replace("bulk-from-records: 1000", "bulk-from-records: 500")).orElseThrow();

        assertThat(edited.version().number()).isEqualTo(1);
        assertThat(edited.version()).isNotEqualTo(PolicyLoader.defaultPolicy().version());
        assertThat(edited.bulkFromRecords()).isEqualTo(500);
    }

    @Test
    void theEmergencyDeadlineComesFromThePolicyFile() throws IOException {
        Policy policy = loader.load(defaultText().replace("full-record-due-after-emergency: 24h",
                "full-record-due-after-emergency: 2 days")).orElseThrow();

        Assessment assessment = policy.assess(SharingSituation.marked(Marking.OFFICIAL)
                .urgency(Urgency.EMERGENCY).build());

        assertThat(assessment.fullRecordDueWithin()).contains(Duration.ofDays(2));
        assertThat(assessment.outcome(Channel.TELEPHONE).minimalRecordFirst()).isTrue();
        assertThat(policy.assess(SharingSituation.marked(Marking.OFFICIAL).build()).fullRecordDueWithin()).isEmpty();
    }

    @Test
    void thePolicyCannotBeChangedThroughWhatItHandsOut() {
        Policy policy = PolicyLoader.defaultPolicy();
        Assessment assessment = policy.assess(SharingSituation.marked(Marking.OFFICIAL).build());

        assertThatThrownBy(() -> policy.safeguards().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> assessment.outcome(Channel.POST).safeguards().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> policy.safeguard("post.double-envelope").orElseThrow().channels().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everySafeguardOnAChannelIsListedForIt() {
        Policy policy = PolicyLoader.defaultPolicy();

        assertThat(policy.safeguardsFor(Channel.POST)).extracting(Safeguard::id).containsExactly(
                "recipient.purpose", "recipient.consent-limits", "recipient.further-handling",
                "general.risk-based", "general.record-sharing", "post.confirm-recipient",
                "post.double-envelope", "post.inner-envelope-marked", "post.outer-envelope-plain",
                "post.return-address", "post.recorded-delivery", "post.confirm-receipt");
    }

    @Test
    void aBrokenFileFailsLoudlyWhenItMustLoad() {
        assertThatIllegalStateException().isThrownBy(() -> loader.load("version: [").orElseThrow())
                .withMessageContaining("line 1");
    }

    @Test
    void aPolicyVersionIsValidatedWhenMade() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PolicyVersion(0, "a".repeat(64)));
        assertThatIllegalArgumentException().isThrownBy(() -> new PolicyVersion(1, "not a hash"));
        assertThat(PolicyVersion.of(3, "x")).isEqualTo(PolicyVersion.of(3, "x"));
    }

    private static String defaultText() throws IOException {
        try (InputStream in = PolicyLoaderTests.class.getResourceAsStream(PolicyLoader.DEFAULT_POLICY_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
