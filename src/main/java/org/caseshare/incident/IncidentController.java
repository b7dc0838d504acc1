package org.caseshare.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.caseshare.custody.UkTime;
import org.caseshare.system.Actor;
import org.caseshare.system.FormErrors;
import org.caseshare.system.Text;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Incident pages: the list (the data protection officer's dashboard), reporting, and one incident with the decision. */
@Controller
@RequestMapping("/incidents")
class IncidentController {

    private final IncidentRegister register;
    private final Clock clock;

    IncidentController(IncidentRegister register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    @GetMapping
    String list(Actor caller, Model model) {
        Instant now = clock.instant();
        var rows = register.incidents(caller).stream().map(i -> IncidentView.of(i, now)).toList();
        model.addAttribute("awaiting", rows.stream().filter(r -> !r.decided()).toList());
        model.addAttribute("decided", rows.stream().filter(IncidentView::decided).toList());
        model.addAttribute("seesAll", IncidentRegister.seesAll(caller));
        model.addAttribute("decides", IncidentRegister.decides(caller));
        return "incident/list";
    }

    @GetMapping("/new")
    String blank(@RequestParam(defaultValue = "") String sharingRecord, @RequestParam(defaultValue = "") String custodyItem,
            @RequestParam(defaultValue = "") String device, Model model) {
        Instant now = clock.instant();
        String time = now.atZone(UkTime.ZONE).toLocalTime().withSecond(0).withNano(0).toString();
        return form(model, new IncidentForms.Report("", UkTime.formDate(now), time, "", "", "", "", sharingRecord, custodyItem, device),
                FormErrors.none());
    }

    @PostMapping("/new")
    String report(Actor caller, @ModelAttribute IncidentForms.Report form, Model model) {
        IncidentRegister.Outcome outcome = register.report(caller, form);
        if (!outcome.valid()) {
            return form(model, form, errors(outcome.problems()));
        }
        return "redirect:/incidents/" + outcome.id();
    }

    @GetMapping("/{id:[0-9a-fA-F-]{36}}")
    String incident(Actor caller, @PathVariable UUID id, Model model) {
        return page(caller, id, model, IncidentForms.Decide.blank(), FormErrors.none());
    }

    @PostMapping("/{id:[0-9a-fA-F-]{36}}/decision")
    String decide(Actor caller, @PathVariable UUID id, @ModelAttribute IncidentForms.Decide form, Model model) {
        IncidentRegister.Outcome outcome = register.decide(caller, id, form);
        if (!outcome.valid()) {
            return page(caller, id, model, form, errors(outcome.problems()));
        }
        return "redirect:/incidents/" + id;
    }

    @ExceptionHandler(IncidentChangedException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String changed(IncidentChangedException e, Model model) {
        model.addAttribute("message", Text.of("incident.changed"));
        return "custody/refused";
    }

    private String page(Actor caller, UUID id, Model model, IncidentForms.Decide form, FormErrors errors) {
        model.addAttribute("incident", IncidentView.of(register.incident(caller, id), clock.instant()));
        model.addAttribute("decides", IncidentRegister.decides(caller));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "incident/incident";
    }

    private static String form(Model model, IncidentForms.Report form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "incident/new";
    }

    private static FormErrors errors(Map<String, Text> byField) {
        FormErrors errors = FormErrors.none();
        byField.forEach(errors::add);
        return errors;
    }
}
