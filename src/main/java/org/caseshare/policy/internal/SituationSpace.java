package org.caseshare.policy.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.caseshare.policy.InformationCategory;
import org.caseshare.policy.Marking;
import org.caseshare.policy.OrganisationType;
import org.caseshare.policy.Urgency;

/**
 * Every distinct situation the rules can tell apart (markings × urgencies × sets of categories ×
 * sender × recipient × bulk, about 55,000). Small enough to search exhaustively, which is how the
 * loader proves that a rule can match at least one situation rather than guessing with heuristics.
 */
final class SituationSpace {

    private SituationSpace() {
    }

    static boolean anyMatches(RuleBook.PolicySettings settings, Predicate<SituationFacts> condition) {
        List<Set<InformationCategory>> categorySets = nonEmptySubsets();
        for (Marking marking : Marking.values()) {
            for (Set<InformationCategory> categories : categorySets) {
                for (Urgency urgency : Urgency.values()) {
                    for (OrganisationType sender : OrganisationType.values()) {
                        for (OrganisationType recipient : OrganisationType.values()) {
                            for (boolean bulk : new boolean[] {false, true}) {
                                if (condition.test(RuleBook.facts(settings, marking, urgency,
                                        categories, sender, recipient, bulk))) {
                                    return true;
                                }
                            }
                        }
                    }
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
            subsets.add(subset);
        }
        return subsets;
    }
}
