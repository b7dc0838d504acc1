package org.caseshare.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;

import org.caseshare.support.SmallPolicy;
import org.junit.jupiter.api.Test;

/** The policy's retention rules: read from the file, defaults for what it leaves out, mistakes refused. */
class RetentionPolicyTests {

    private static final String VALID = SmallPolicy.TEXT;

    private final PolicyLoader loader = new PolicyLoader();

    @Test
    void aPolicyWithoutRetentionKeepsEverythingSixYearsAndAsksTheDpo() {
        Policy policy = loader.load(VALID).policy().orElseThrow();

        RetentionRule share = policy.retention().rule(RetentionKind.SHARE);
        assertThat(share.keepFor()).isEqualTo(Period.ofYears(6));
        assertThat(share.automatic()).isFalse();
        assertThat(policy.retention().rule(RetentionKind.HUB_PACKAGE).keepFor()).isEqualTo(Period.ofDays(90));
    }

    @Test
    void theDefaultPolicyStatesEveryKind() {
        Policy policy = PolicyLoader.defaultPolicy();

        for (RetentionKind kind : RetentionKind.values()) {
            assertThat(policy.text()).contains("  " + kind.spelling() + ":");
        }
        assertThat(policy.retention().rule(RetentionKind.DECISION_NOT_TO_SHARE).keepFor()).isEqualTo(Period.ofYears(6));
    }

    @Test
    void anOrganisationMayChooseAutomaticDeletionAndAnotherPeriod() {
        Policy policy = loader.load(VALID + "retention:\n  share: {keep-for: 18 months, deletion: automatic}\n").policy().orElseThrow();

        assertThat(policy.retention().rule(RetentionKind.SHARE)).isEqualTo(new RetentionRule(RetentionKind.SHARE, Period.ofMonths(18), true));
        assertThat(policy.retention().rule(RetentionKind.INCIDENT).automatic()).isFalse();
    }

    @Test
    void mistakesInRetentionAreRefusedWithWhereAndWhat() {
        PolicyLoadResult result = loader.load(VALID + "retention:\n  shares: {keep-for: 6 years}\n  share: {keep-for: forever, deletion: never}\n");

        assertThat(result.policy()).isEmpty();
        assertThat(result.errors()).extracting(PolicyError::message).containsExactlyInAnyOrder(
                "unknown kind of record 'shares' in retention; expected one of: share, decision-not-to-share, request-received,"
                        + " incident, custody, hub-package",
                "keep-for in the retention of 'share' must be a length of time such as 6 years, 18 months or 90 days",
                "deletion in the retention of 'share' must be approval or automatic");
    }
}
