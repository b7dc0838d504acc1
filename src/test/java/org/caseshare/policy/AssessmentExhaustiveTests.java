package org.caseshare.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The same invariants as {@link AssessmentProperties}, checked for every distinct situation the
 * default policy can tell apart (markings × urgencies × sets of categories × sender × recipient ×
 * bulk or not), so nothing depends on which cases a random generator happens to pick.
 */
class AssessmentExhaustiveTests {

    private static final Policy POLICY = PolicyLoader.defaultPolicy();
    private static final List<String> RECIPIENT_MUST_UNDERSTAND =
            List.of("recipient.purpose", "recipient.consent-limits", "recipient.further-handling");

    @Test
    void everyOutcomeOfEverySituationHasReasonsAndAllowedChannelsCarryTheRecipientSafeguards() {
        List<String> problems = new ArrayList<>();
        int assessed = 0;
        for (SharingSituation situation : everySituation()) {
            Assessment assessment = POLICY.assess(situation);
            assessed++;
            for (ChannelOutcome outcome : assessment.outcomes()) {
                if (outcome.reasons().isEmpty()) {
                    problems.add("no reason: " + outcome.channel() + " for " + situation);
                }
                List<String> ids = outcome.safeguards().stream().map(Safeguard::id).toList();
                if (outcome.isAllowed() && !ids.containsAll(RECIPIENT_MUST_UNDERSTAND)) {
                    problems.add("recipient safeguards missing: " + outcome.channel() + " for " + situation);
                }
                if (situation.marking().isOutOfScope() && outcome.isAllowed()) {
                    problems.add("out-of-scope marking allowed: " + outcome.channel() + " for " + situation);
                }
            }
        }
        assertThat(assessed).isEqualTo(8 * 3 * 31 * 6 * 6 * 2);
        assertThat(problems).isEmpty();
    }

    private static List<SharingSituation> everySituation() {
        List<SharingSituation> all = new ArrayList<>();
        InformationCategory[] kinds = InformationCategory.values();
        for (Marking marking : Marking.values()) {
            for (Urgency urgency : Urgency.values()) {
                for (int bits = 1; bits < (1 << kinds.length); bits++) {
                    Set<InformationCategory> categories = EnumSet.noneOf(InformationCategory.class);
                    for (int i = 0; i < kinds.length; i++) {
                        if ((bits & (1 << i)) != 0) {
                            categories.add(kinds[i]);
                        }
                    }
                    for (OrganisationType sender : OrganisationType.values()) {
                        for (OrganisationType recipient : OrganisationType.values()) {
                            for (int records : new int[] {1, POLICY.bulkFromRecords()}) {
                                all.add(new SharingSituation(marking, Optional.empty(), urgency, categories,
                                        sender, recipient, records));
                            }
                        }
                    }
                }
            }
        }
        return all;
    }
}
