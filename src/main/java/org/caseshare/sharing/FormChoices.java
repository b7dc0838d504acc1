package org.caseshare.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.caseshare.decision.MarkingChoice;
import org.caseshare.directory.Directory;
import org.caseshare.directory.NamedContact;
import org.caseshare.policy.Channel;
import org.caseshare.policy.InformationCategory;
import org.caseshare.policy.OrganisationType;
import org.caseshare.policy.Urgency;
import org.springframework.ui.Model;

/** The lists "Record a share" offers to choose from: the policy's, the register's and the caller's own directory. */
final class FormChoices {

    /** One row of the recipient picker: an organisation, or a named contact there. */
    record Pick(String value, String label) {
    }

    private FormChoices() {
    }

    static void addTo(Model model, Directory directory, UUID organisationId) {
        model.addAttribute("markings", MarkingChoice.all());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("categories", InformationCategory.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("directions", Direction.values());
        model.addAttribute("decisions", Decision.values());
        model.addAttribute("bases", LawfulBasis.values());
        model.addAttribute("notSought", ConsentNotSought.values());
        model.addAttribute("advisers", AdviceFrom.values());
        model.addAttribute("recipientTypes", OrganisationType.values());
        List<Pick> picks = new ArrayList<>();
        for (var entry : directory.search(organisationId, "")) {
            picks.add(new Pick(entry.id().toString(), entry.name()));
            entry.contactPoints().stream().filter(p -> p.details(NamedContact.class).isPresent())
                    .forEach(p -> picks.add(new Pick(entry.id() + ":" + p.id(), entry.name() + " – " + p.details().summary())));
        }
        model.addAttribute("picks", picks);
    }
}
