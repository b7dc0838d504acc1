package org.caseshare.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the policy says about one channel for one situation.
 *
 * @param channel the channel
 * @param verdict allowed, allowed with conditions, or refused
 * @param safeguards the channel's full checklist, conditions included; empty when refused
 * @param conditions the safeguards that decide whether sharing may go ahead at all; empty when refused
 * @param authoriser who must authorise before sharing, or for a refusal who the case goes to
 * @param advice plain-English advice from the rules that applied
 * @param reasons every rule that contributed, never empty
 * @param minimalRecordFirst whether sharing may happen first with a minimal record (emergency)
 */
public record ChannelOutcome(Channel channel, Verdict verdict, List<Safeguard> safeguards,
        List<Safeguard> conditions, Optional<Authoriser> authoriser, List<String> advice,
        List<Reason> reasons, boolean minimalRecordFirst) {

    public ChannelOutcome {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(authoriser, "authoriser");
        safeguards = List.copyOf(safeguards);
        conditions = List.copyOf(conditions);
        advice = List.copyOf(advice);
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("an outcome for " + channel + " must say why");
        }
        if (!safeguards.containsAll(conditions)) {
            throw new IllegalArgumentException("every condition must also be on the checklist");
        }
        if (verdict == Verdict.REFUSED && !(safeguards.isEmpty() && !minimalRecordFirst)) {
            throw new IllegalArgumentException("a refused channel has no checklist and no emergency route");
        }
        if (verdict == Verdict.ALLOWED && authoriser.isPresent()) {
            throw new IllegalArgumentException("a channel that needs authorisation is allowed only with conditions");
        }
    }

    public boolean isAllowed() {
        return verdict.allowsSharing();
    }

    public boolean requires(String safeguardId) {
        return safeguards.stream().anyMatch(s -> s.id().equals(safeguardId));
    }
}
