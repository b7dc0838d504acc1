package org.caseshare.policy.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.caseshare.policy.InformationCategory;
import org.caseshare.policy.Marking;
import org.caseshare.policy.OrganisationType;

/**
 * Proves that a rule's condition can match at least one situation, by exhaustive search rather
 * than heuristics. A condition is a conjunction over groups of facts that share no values (the
 * information: marking and categories; the parties: sender and recipient; urgency; bulk), so a
 * matching situation exists exactly when each group has a matching value on its own. That keeps
 * the search to a few hundred checks instead of every one of the ~55,000 combined situations.
 */
final class SituationSpace {

    private static final List<Set<InformationCategory>> CATEGORY_SETS = nonEmptySubsets();

    private SituationSpace() {
    }

    static boolean anyMatches(RuleBook.PolicySettings settings, RuleCondition condition) {
        return informationCanMatch(settings, condition) && partiesCanMatch(condition)
                && !condition.urgencies().isEmpty();
    }

    private static boolean informationCanMatch(RuleBook.PolicySettings settings, RuleCondition condition) {
        for (Marking marking : Marking.values()) {
            for (Set<InformationCategory> categories : CATEGORY_SETS) {
                Marking handledAs = RuleBook.handledAs(settings, marking, categories);
                if (condition.matchesInformation(marking, handledAs, categories)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean partiesCanMatch(RuleCondition condition) {
        for (OrganisationType sender : OrganisationType.values()) {
            for (OrganisationType recipient : OrganisationType.values()) {
                if (condition.matchesParties(sender, recipient)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Set<InformationCategory>> nonEmptySubsets() {
        InformationCategory[] all = InformationCategory.values();
        List<Set<InformationCategory>> subsets = new ArrayList<>();
        for (int bits = 1; bits < (1 << all.length); bits++) {
            Set<InformationCategory> subset = EnumSet.noneOf(InformationCategory.class);
            for (int i = 0; i < all.length; i++) {
                if ((bits & (1 << i)) != 0) {
                    subset.add(all[i]);
                }
            }
            subsets.add(Set.copyOf(subset));
        }
        return List.copyOf(subsets);
    }
}
