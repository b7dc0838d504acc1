package org.caseshare.policy.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.caseshare.policy.Authoriser;
import org.caseshare.policy.Channel;
import org.caseshare.policy.Verdict;

/**
 * The {@code then} of a rule: what it says about each of its channels. The loader has already
 * refused contradictions (conditions on a refusal, an authoriser on a plain "allowed").
 *
 * @param channels the channels the rule speaks about
 * @param verdict the rule's verdict for them
 * @param conditionIds safeguard ids that become conditions
 * @param authoriser who must authorise, or who a refusal is routed to
 * @param advice advice to show
 * @param minimalRecordFirst whether sharing may go first with a minimal record
 * @param adviceWelsh the advice in Welsh ({@code advice-cy}); optional
 */
public record RuleEffect(Set<Channel> channels, Verdict verdict, List<String> conditionIds,
        Optional<Authoriser> authoriser, Optional<String> advice, boolean minimalRecordFirst, Optional<String> adviceWelsh) {

    public RuleEffect(Set<Channel> channels, Verdict verdict, List<String> conditionIds,
            Optional<Authoriser> authoriser, Optional<String> advice, boolean minimalRecordFirst) {
        this(channels, verdict, conditionIds, authoriser, advice, minimalRecordFirst, Optional.empty());
    }

    public RuleEffect {
        channels = Set.copyOf(channels);
        Objects.requireNonNull(verdict, "verdict");
        conditionIds = List.copyOf(conditionIds);
        Objects.requireNonNull(authoriser, "authoriser");
        Objects.requireNonNull(advice, "advice");
        adviceWelsh = Objects.requireNonNull(adviceWelsh, "adviceWelsh").filter(t -> !t.isBlank());
    }
}
