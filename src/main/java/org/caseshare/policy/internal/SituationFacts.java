package org.caseshare.policy.internal;

import java.util.Set;
import org.caseshare.policy.InformationCategory;
import org.caseshare.policy.Marking;
import org.caseshare.policy.OrganisationType;
import org.caseshare.policy.Urgency;

/**
 * A sharing situation as the rules see it: with the marking it is handled as and whether it counts
 * as bulk already worked out, so that rules only compare values.
 */
public record SituationFacts(Marking marking, Marking handledAs, Urgency urgency,
        Set<InformationCategory> categories, OrganisationType sender, OrganisationType recipient,
        boolean bulk) {

    public SituationFacts {
        categories = Set.copyOf(categories);
    }
}
