package org.caseshare.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties every assessment of the default policy has, whatever the situation. */
class AssessmentProperties {

    private static final Policy POLICY = PolicyLoader.defaultPolicy();
    private static final Set<String> RECIPIENT_MUST_UNDERSTAND =
            Set.of("recipient.purpose", "recipient.consent-limits", "recipient.further-handling");

    @Property(tries = 2000)
    void everyChannelOutcomeSaysWhyAndEveryAllowedChannelCarriesTheRecipientSafeguards(
            @ForAll Marking marking, @ForAll Urgency urgency,
            @ForAll("categories") Set<InformationCategory> categories,
            @ForAll OrganisationType sender, @ForAll OrganisationType recipient,
            @ForAll @IntRange(min = 1, max = 5000) int records) {
        SharingSituation situation = new SharingSituation(marking, java.util.Optional.empty(), urgency,
                categories, sender, recipient, records);

        Assessment assessment = POLICY.assess(situation);

        assertThat(assessment.outcomes()).hasSize(Channel.values().length);
        assertThat(assessment.policyVersion()).isEqualTo(POLICY.version());
        for (ChannelOutcome outcome : assessment.outcomes()) {
            assertThat(outcome.reasons()).as("reasons for %s", outcome.channel()).isNotEmpty();
            if (outcome.isAllowed()) {
                assertThat(outcome.safeguards()).extracting(Safeguard::id)
                        .as("recipient safeguards on %s", outcome.channel())
                        .containsAll(RECIPIENT_MUST_UNDERSTAND);
            }
        }
    }

    @Provide
    Arbitrary<Set<InformationCategory>> categories() {
        return Arbitraries.of(InformationCategory.class).set().ofMinSize(1);
    }
}
