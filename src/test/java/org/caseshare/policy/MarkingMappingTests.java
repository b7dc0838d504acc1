package org.caseshare.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Old GPMS markings are mapped to today's classifications, flagged for review and never lowered silently. */
class MarkingMappingTests {

    private final Policy policy = PolicyLoader.defaultPolicy();

    @ParameterizedTest(name = "{0} is handled as {1}")
    @CsvSource({
            "NOT PROTECTIVELY MARKED, OFFICIAL",
            "PROTECT,                 OFFICIAL",
            "RESTRICTED,              OFFICIAL-SENSITIVE",
            "CONFIDENTIAL,            OFFICIAL-SENSITIVE",
            "OFFICIAL,                OFFICIAL",
            "OFFICIAL-SENSITIVE,      OFFICIAL-SENSITIVE",
            "SECRET,                  SECRET",
            "TOP SECRET,              TOP SECRET"})
    void theDocumentedMapping(String from, String to) {
        Marking marking = Marking.fromLabel(from).orElseThrow();

        assertThat(marking.mapping().handledAs()).isEqualTo(Marking.fromLabel(to).orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(value = Marking.class, names = {"NOT_PROTECTIVELY_MARKED", "PROTECT", "RESTRICTED", "CONFIDENTIAL"})
    void everyLegacyMarkingIsFlaggedForReview(Marking legacy) {
        assertThat(legacy.isLegacy()).isTrue();
        assertThat(legacy.mapping().reviewRequired()).isTrue();

        Assessment assessment = policy.assess(SharingSituation.marked(legacy).build());

        assertThat(assessment.classificationReviewRequired()).isTrue();
        assertThat(assessment.outcomes()).allSatisfy(o -> {
            assertThat(o.verdict()).isEqualTo(Verdict.ALLOWED_WITH_CONDITIONS);
            assertThat(o.conditions()).extracting(Safeguard::id).contains("marking.review-classification");
        });
    }

    @ParameterizedTest
    @EnumSource(Marking.class)
    void noMappingIsLowerThanAnyClassificationTheMarkingCouldMeanWithoutTheSecurityOfficer(Marking marking) {
        MarkingMapping mapping = marking.mapping();
        boolean couldBeHigher = mapping.possibleClassifications().stream()
                .anyMatch(m -> m.sensitivity() > mapping.handledAs().sensitivity());

        if (couldBeHigher) {
            assertThat(mapping.reviewer()).contains(Authoriser.INFORMATION_SECURITY_OFFICER);
        }
        assertThat(mapping.possibleClassifications()).contains(mapping.handledAs());
    }

    @Test
    void confidentialIsNeverSharedWithoutTheSecurityOfficersReview() {
        MarkingMapping mapping = Marking.CONFIDENTIAL.mapping();
        assertThat(mapping.possibleClassifications()).containsExactlyInAnyOrder(
                Marking.OFFICIAL_SENSITIVE, Marking.SECRET);

        Assessment assessment = policy.assess(SharingSituation.marked(Marking.CONFIDENTIAL).build());

        assertThat(assessment.handledAs()).isEqualTo(Marking.OFFICIAL_SENSITIVE);
        assertThat(assessment.outcomes()).allSatisfy(o -> assertThat(o.authoriser())
                .contains(Authoriser.INFORMATION_SECURITY_OFFICER));
    }

    @Test
    void restrictedIsHandledAtTheHigherOfItsTwoReadingsUntilReviewed() {
        assertThat(Marking.RESTRICTED.mapping().possibleClassifications())
                .containsExactlyInAnyOrder(Marking.OFFICIAL, Marking.OFFICIAL_SENSITIVE);

        Assessment assessment = policy.assess(SharingSituation.marked(Marking.RESTRICTED).build());

        assertThat(assessment.outcome(Channel.EMAIL).conditions()).extracting(Safeguard::id)
                .contains("email.encrypted-attachment");
    }

    @Test
    void aMappingThatWouldDowngradeSilentlyCannotBeBuilt() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MarkingMapping(Marking.CONFIDENTIAL,
                Marking.OFFICIAL_SENSITIVE, Set.of(Marking.OFFICIAL_SENSITIVE, Marking.SECRET), true,
                Optional.of(Authoriser.MANAGER), "a manager is not enough"))
                .withMessageContaining("downgrade");
        assertThatIllegalArgumentException().isThrownBy(() -> new MarkingMapping(Marking.PROTECT,
                Marking.OFFICIAL, Set.of(Marking.OFFICIAL), false, Optional.empty(), "no review"))
                .withMessageContaining("review");
    }

    @ParameterizedTest
    @EnumSource(value = Marking.class, names = {"SECRET", "TOP_SECRET"})
    void secretAndAboveAreRefusedOnEveryChannelAndGoToTheSecurityOfficer(Marking marking) {
        assertThat(marking.isOutOfScope()).isTrue();
        for (Urgency urgency : Urgency.values()) {
            Assessment assessment = policy.assess(SharingSituation.marked(marking).urgency(urgency).build());

            assertThat(assessment.usableChannels()).isEmpty();
            assertThat(assessment.fullRecordDueWithin()).isEmpty();
            assertThat(assessment.outcomes()).allSatisfy(o -> {
                assertThat(o.verdict()).isEqualTo(Verdict.REFUSED);
                assertThat(o.authoriser()).contains(Authoriser.INFORMATION_SECURITY_OFFICER);
                assertThat(o.reasons()).extracting(Reason::ruleId).contains("secret-and-above-refused");
            });
        }
    }

    @Test
    void markingsAreReadAsPeopleWriteThem() {
        assertThat(Marking.fromLabel("official-sensitive")).contains(Marking.OFFICIAL_SENSITIVE);
        assertThat(Marking.fromLabel("Top Secret")).contains(Marking.TOP_SECRET);
        assertThat(Marking.fromLabel("NOT_PROTECTIVELY_MARKED")).contains(Marking.NOT_PROTECTIVELY_MARKED);
        assertThat(Marking.fromLabel("SECRETIVE")).isEmpty();
        assertThat(Marking.OFFICIAL_SENSITIVE.label()).isEqualTo("OFFICIAL-SENSITIVE");
    }

    @Test
    void aDescriptorGoesOnlyWithOfficialSensitive() {
        assertThat(SharingSituation.marked(Marking.OFFICIAL_SENSITIVE).descriptor(Marking.Descriptor.LOCSEN)
                .build().descriptor()).contains(Marking.Descriptor.LOCSEN);
        assertThatIllegalArgumentException().isThrownBy(() -> SharingSituation.marked(Marking.OFFICIAL)
                .descriptor(Marking.Descriptor.PERSONAL).build());
    }

    @Test
    void sensitiveKindsOfInformationRaiseOfficialButNeverLowerAnything() {
        Assessment health = policy.assess(SharingSituation.marked(Marking.OFFICIAL)
                .category(InformationCategory.SPECIAL_CATEGORY).build());
        Assessment plain = policy.assess(SharingSituation.marked(Marking.OFFICIAL).build());

        assertThat(health.handledAs()).isEqualTo(Marking.OFFICIAL_SENSITIVE);
        assertThat(plain.handledAs()).isEqualTo(Marking.OFFICIAL);
    }
}
