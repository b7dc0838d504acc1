package org.caseshare.decision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.caseshare.directory.Directory;
import org.caseshare.policy.Assessment;
import org.caseshare.policy.ChannelOutcome;
import org.caseshare.policy.InformationCategory;
import org.caseshare.policy.Marking;
import org.caseshare.policy.OrganisationType;
import org.caseshare.policy.Urgency;
import org.caseshare.system.Actor;
import org.caseshare.system.Catalogue;
import org.caseshare.system.FormErrors;
import org.caseshare.system.Plurals;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "How should I share this?": anyone signed in describes a situation and sees which channels the
 * organisation's policy allows, with each channel's checklist, who must authorise and why. Nothing
 * is recorded; the form carries no personal information.
 */
@Controller
@RequestMapping("/decide")
class DecideController {

    /** What the person chose, kept to show the form again. */
    record DecideForm(String marking, String urgency, List<String> categories, String recipient, String records) {
        static DecideForm empty() {
            return new DecideForm("", "", List.of(), "", "");
        }
    }

    /** The roles the register lets record a share (as the security configuration says for /sharing). */
    private static final List<String> RECORDERS = List.of("PRACTITIONER", "MANAGER", "DATA_PROTECTION_OFFICER", Actor.ORGANISATION_ADMIN);

    private final PolicyVersions versions;
    private final Directory directory;

    DecideController(PolicyVersions versions, Directory directory) {
        this.versions = versions;
        this.directory = directory;
    }

    @GetMapping
    String form(Actor user, Model model) {
        return page(user, model, DecideForm.empty(), FormErrors.none(), null);
    }

    @PostMapping
    String decide(Actor user, @RequestParam(defaultValue = "") String marking,
            @RequestParam(defaultValue = "") String urgency, @RequestParam(required = false) List<String> categories,
            @RequestParam(defaultValue = "") String recipient, @RequestParam(defaultValue = "") String records, Model model) {
        DecideForm form = new DecideForm(marking, urgency, categories == null ? List.of() : List.copyOf(categories), recipient, records);
        InForce inForce = versions.current(user.organisationId());
        String[] markingAndDescriptor = marking.split(":", 2);
        String count = switch (records) {
            case "single" -> "1";
            case "bulk" -> Integer.toString(inForce.policy().bulkFromRecords());
            default -> "";
        };
        SituationInput input = new SituationInput(markingAndDescriptor[0],
                markingAndDescriptor.length > 1 ? markingAndDescriptor[1] : null, urgency, form.categories(), recipient, null, count);
        SituationInput.Parsed parsed = input.parse(senderType(user));
        if (parsed.situation().isEmpty()) {
            FormErrors errors = FormErrors.none();
            for (Map.Entry<String, org.caseshare.system.Text> error : parsed.texts().entrySet()) {
                errors.add(error.getKey().equals("descriptor") ? "marking" : error.getKey(), error.getValue());
            }
            return page(user, model, form, errors, null);
        }
        return page(user, model, form, FormErrors.none(), inForce.policy().assess(parsed.situation().get()));
    }

    private String page(Actor user, Model model, DecideForm form, FormErrors errors, Assessment assessment) {
        InForce inForce = versions.current(user.organisationId());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("markings", MarkingChoice.all());
        model.addAttribute("allMarkings", Marking.values());
        model.addAttribute("descriptors", Marking.Descriptor.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("categories", InformationCategory.values());
        model.addAttribute("recipients", OrganisationType.values());
        model.addAttribute("sender", senderType(user));
        model.addAttribute("bulkFrom", inForce.policy().bulkFromRecords());
        model.addAttribute("inForce", inForce);
        model.addAttribute("assessment", assessment);
        if (assessment != null) {
            List<ChannelOutcome> allowed = new ArrayList<>();
            List<ChannelOutcome> refused = new ArrayList<>();
            assessment.outcomes().forEach(o -> (o.isAllowed() ? allowed : refused).add(o));
            // What every allowed channel asks alike is said once, above the channels, not seven times.
            List<org.caseshare.policy.Safeguard> everyChannel = allowed.size() < 2 ? List.of() : allowed.get(0).safeguards().stream()
                    .filter(s -> s.channels().size() == org.caseshare.policy.Channel.values().length)
                    .filter(s -> allowed.stream().allMatch(o -> o.safeguards().contains(s)))
                    .toList();
            model.addAttribute("everyChannel", everyChannel);
            model.addAttribute("everyChannelAdvice", allowed.size() < 2 ? List.of() : allowed.get(0).advice().stream()
                    .filter(a -> allowed.stream().allMatch(o -> o.advice().contains(a))).toList());
            model.addAttribute("allowed", allowed);
            model.addAttribute("refused", refused);
            model.addAttribute("fullRecordDue", assessment.fullRecordDueWithin().map(DecideController::words).orElse(null));
            model.addAttribute("markingLabel", label(assessment));
            model.addAttribute("markingValue", assessment.situation().marking().name()
                    + assessment.situation().descriptor().map(d -> ":" + d.name()).orElse(""));
            // the register is for the organisation's own staff; a partner user may decide, not record
            model.addAttribute("canRecord", RECORDERS.stream().anyMatch(user::hasRole));
            model.addAttribute("categoryNames", java.util.Arrays.stream(InformationCategory.values())
                    .filter(assessment.situation().categories()::contains).map(c -> Catalogue.text("decision.category." + c.name()))
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        return "decision/decide";
    }

    private OrganisationType senderType(Actor user) {
        return directory.organisation(user.organisationId()).map(o -> SituationInput.typeOf(o.kind()))
                .orElse(OrganisationType.COUNCIL);
    }

    static String label(Assessment assessment) {
        return assessment.situation().marking().label()
                + assessment.situation().descriptor().map(d -> " [" + d.name() + "]").orElse("");
    }

    /** "24 hours", "2 days", "90 minutes" ("24 awr", "2 ddiwrnod", "90 munud"), in the page's language. */
    static String words(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes % (24 * 60) == 0 && minutes >= 48 * 60) {
            return Plurals.inLanguage(LocaleContextHolder.getLocale(), "decision.duration.days", minutes / (24 * 60));
        }
        if (minutes % 60 == 0) {
            return Plurals.inLanguage(LocaleContextHolder.getLocale(), "decision.duration.hours", minutes / 60);
        }
        return Plurals.inLanguage(LocaleContextHolder.getLocale(), "decision.duration.minutes", minutes);
    }
}
