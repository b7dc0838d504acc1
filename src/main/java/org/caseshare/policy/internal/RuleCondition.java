package org.caseshare.policy.internal;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import org.caseshare.policy.InformationCategory;
import org.caseshare.policy.Marking;
import org.caseshare.policy.OrganisationType;
import org.caseshare.policy.Urgency;

/**
 * The {@code when} of a rule. Each field lists the values that match; a field left out of the file
 * is read as every value. All fields must match together.
 *
 * @param markings matches the situation's own marking or the one it is handled as, so a rule about
 *     OFFICIAL-SENSITIVE also covers RESTRICTED and CONFIDENTIAL
 * @param urgencies the urgencies that match
 * @param categories matches when the situation involves any of them
 * @param senders kinds of sending organisation that match
 * @param recipients kinds of receiving organisation that match
 * @param between two kinds of organisation, one at each end, in either direction
 * @param bulk whether the rule is about bulk sharing, single cases, or (empty) both
 */
public record RuleCondition(Set<Marking> markings, Set<Urgency> urgencies,
        Set<InformationCategory> categories, Set<OrganisationType> senders,
        Set<OrganisationType> recipients, Optional<Between> between, Optional<Boolean> bulk) {

    /** One kind of organisation at each end of the share, in either direction. */
    public record Between(OrganisationType one, OrganisationType other) {
        boolean matches(OrganisationType sender, OrganisationType recipient) {
            return (sender == one && recipient == other) || (sender == other && recipient == one);
        }
    }

    public RuleCondition {
        markings = Set.copyOf(markings);
        urgencies = Set.copyOf(urgencies);
        categories = Set.copyOf(categories);
        senders = Set.copyOf(senders);
        recipients = Set.copyOf(recipients);
    }

    public boolean matches(SituationFacts facts) {
        return matchesInformation(facts.marking(), facts.handledAs(), facts.categories())
                && urgencies.contains(facts.urgency())
                && matchesParties(facts.sender(), facts.recipient())
                && bulk.map(b -> b == facts.bulk()).orElse(true);
    }

    // The condition is split into groups that share no values, so that the loader can search each
    // group on its own to prove the rule can match (see SituationSpace).

    boolean matchesInformation(Marking marking, Marking handledAs, Set<InformationCategory> involved) {
        return (markings.contains(marking) || markings.contains(handledAs))
                && !Collections.disjoint(categories, involved);
    }

    boolean matchesParties(OrganisationType sender, OrganisationType recipient) {
        return senders.contains(sender) && recipients.contains(recipient)
                && between.map(b -> b.matches(sender, recipient)).orElse(true);
    }
}
