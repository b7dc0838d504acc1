package org.caseshare.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The default policy checked against its specification, the readable table {@code policy/rule-table.csv}. */
class PolicyRuleTableTests {

    private static final Policy POLICY = PolicyLoader.defaultPolicy();

    @ParameterizedTest
    @CsvFileSource(resources = "/policy/rule-table.csv", useHeadersInDisplayName = true)
    void channelOutcomeMatchesTheTable(String marking, String urgency, String categories, String sender,
            String recipient, int records, String channel, String outcome, String authoriser,
            String recordFirst, String mustInclude) {
        SharingSituation situation = situation(marking, urgency, categories, sender, recipient, records);

        ChannelOutcome result = POLICY.assess(situation).outcome(constant(Channel.class, channel));

        String why = result.reasons().stream().map(Reason::ruleId).collect(Collectors.joining(", "));
        assertThat(result.verdict()).as("verdict (rules: %s)", why).isEqualTo(constant(Verdict.class, outcome));
        assertThat(result.authoriser()).as("authoriser (rules: %s)", why).isEqualTo(
                authoriser.equals("none") ? Optional.empty() : Optional.of(constant(Authoriser.class, authoriser)));
        assertThat(result.minimalRecordFirst()).as("minimal record first").isEqualTo(recordFirst.equals("yes"));
        if (mustInclude.equals("none")) {
            assertThat(result.safeguards()).as("a refused channel has no checklist").isEmpty();
        } else {
            assertThat(result.requires(mustInclude)).as("checklist includes %s", mustInclude).isTrue();
        }
        if (result.verdict() == Verdict.ALLOWED_WITH_CONDITIONS) {
            assertThat(!result.conditions().isEmpty() || result.authoriser().isPresent())
                    .as("a conditional outcome names a condition or an authoriser").isTrue();
        }
    }

    private static SharingSituation situation(String marking, String urgency, String categories,
            String sender, String recipient, int records) {
        String[] markingAndDescriptor = marking.split("\\s*\\[");
        SharingSituation.Builder builder = SharingSituation
                .marked(Marking.fromLabel(markingAndDescriptor[0]).orElseThrow())
                .urgency(constant(Urgency.class, urgency))
                .categories(categorySet(categories))
                .from(constant(OrganisationType.class, sender))
                .to(constant(OrganisationType.class, recipient))
                .records(records);
        if (markingAndDescriptor.length > 1) {
            builder.descriptor(Marking.Descriptor.valueOf(markingAndDescriptor[1].replace("]", "").strip()));
        }
        return builder.build();
    }

    private static Set<InformationCategory> categorySet(String text) {
        Set<InformationCategory> set = EnumSet.noneOf(InformationCategory.class);
        Arrays.stream(text.split(";")).forEach(c -> set.add(constant(InformationCategory.class, c)));
        return set;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String text) {
        return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_"));
    }
}
