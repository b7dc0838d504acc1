package org.caseshare.policy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The policy's answer for one sharing situation: an outcome for every channel, each with its
 * reasons, and the version of the policy that gave it so the decision can be recorded with it.
 *
 * @param situation the facts assessed
 * @param policyVersion the policy the answer came from
 * @param markingMapping how the situation's marking is handled today
 * @param handledAs the classification whose handling applied, after the mapping and any
 *     information categories that raise it
 * @param outcomes one outcome per channel, in {@link Channel} order
 * @param fullRecordDueWithin when sharing may go first with a minimal record, how soon the full
 *     record must follow
 */
public record Assessment(SharingSituation situation, PolicyVersion policyVersion,
        MarkingMapping markingMapping, Marking handledAs, List<ChannelOutcome> outcomes,
        Optional<Duration> fullRecordDueWithin) {

    public Assessment {
        Objects.requireNonNull(situation, "situation");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(markingMapping, "markingMapping");
        Objects.requireNonNull(handledAs, "handledAs");
        Objects.requireNonNull(fullRecordDueWithin, "fullRecordDueWithin");
        outcomes = List.copyOf(outcomes);
        List<Channel> channels = outcomes.stream().map(ChannelOutcome::channel).toList();
        if (!channels.equals(List.of(Channel.values()))) {
            throw new IllegalArgumentException("an assessment has one outcome per channel, in order");
        }
        boolean anyMinimalRecord = outcomes.stream().anyMatch(ChannelOutcome::minimalRecordFirst);
        if (anyMinimalRecord != fullRecordDueWithin.isPresent()) {
            throw new IllegalArgumentException("a minimal record first needs a deadline for the full record");
        }
    }

    public ChannelOutcome outcome(Channel channel) {
        return outcomes.get(channel.ordinal());
    }

    /** Channels that may be used, with or without conditions. */
    public Set<Channel> usableChannels() {
        return outcomes.stream().filter(ChannelOutcome::isAllowed).map(ChannelOutcome::channel)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
    }

    /** True when the marking is an old one whose classification must be reviewed. */
    public boolean classificationReviewRequired() {
        return markingMapping.reviewRequired();
    }

    /** Every piece of advice across channels, once each, in channel order. */
    public List<String> advice() {
        Set<String> all = new LinkedHashSet<>();
        outcomes.forEach(o -> all.addAll(o.advice()));
        return List.copyOf(all);
    }
}
