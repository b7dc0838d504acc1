package org.caseshare.retention;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseshare.system.Actor;
import org.caseshare.system.Attachments;
import org.caseshare.system.Catalogue;
import org.caseshare.system.FormErrors;
import org.caseshare.system.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The data protection officer's retention page: the records due for deletion, approving some or
 * all, legal holds, erasure of one person's records on request, and the certificates. The person's
 * name travels only in a POST body, never in a URL.
 */
@Controller
@RequestMapping("/retention")
class RetentionController {

    static final int SHOWN = 500;

    record HoldForm(String recordId, String reason) {
    }

    record ErasureForm(String reference, String name) {
    }

    record PersonHoldForm(String personReference, String personName, String personReason) {
    }

    private final Retention retention;

    RetentionController(Retention retention) {
        this.retention = retention;
    }

    @GetMapping
    String page(Actor user, @RequestParam(required = false) UUID certificate, Model model) {
        return show(user, FormErrors.none(), new HoldForm("", ""), new ErasureForm("", ""), Map.of(), certificate, model);
    }

    private String show(Actor user, FormErrors errors, HoldForm hold, ErasureForm erasure, Map<UUID, String> refusals, UUID certificate,
            Model model) {
        model.addAttribute("due", retention.due(user, SHOWN));
        model.addAttribute("certificates", retention.certificates(user));
        model.addAttribute("errors", errors);
        model.addAttribute("hold", hold);
        model.addAttribute("erasure", erasure);
        model.addAttribute("refusals", refusals);
        model.addAttribute("certificate", certificate);
        model.addAttribute("personHolds", retention.personHolds(user));
        if (!model.containsAttribute("personHold")) {
            model.addAttribute("personHold", new PersonHoldForm("", "", ""));
        }
        return "retention/page";
    }

    @PostMapping("/approve")
    String approve(Actor user, @RequestParam(name = "recordId", required = false) List<UUID> recordIds,
            @RequestParam(defaultValue = "false") boolean all, Model model) {
        List<UUID> chosen = recordIds == null ? List.of() : recordIds;
        if (!all && chosen.isEmpty()) {
            return show(user, FormErrors.none().addCode("recordId", "retention.error.select"), new HoldForm("", ""),
                    new ErasureForm("", ""), Map.of(), null, model);
        }
        UUID certificate = retention.approve(user, chosen, all);
        return "redirect:/retention?certificate=" + certificate;
    }

    @PostMapping("/hold")
    String hold(Actor user, HoldForm form, Model model) {
        FormErrors errors = FormErrors.none();
        UUID id = uuid(form.recordId());
        if (id == null) {
            errors.addCode("recordId", "retention.error.record-id");
        } else {
            try {
                retention.hold(user, id, form.reason());
                return "redirect:/retention";
            } catch (RetentionInputException e) {
                errors.add("reason", e.text());
            } catch (IllegalArgumentException e) {
                errors.add("reason", e.getMessage());
            } catch (NotFoundException e) {
                errors.addCode("recordId", "retention.error.no-record");
            }
        }
        return show(user, errors, form, new ErasureForm("", ""), Map.of(), null, model);
    }

    @PostMapping("/release")
    String release(Actor user, @RequestParam UUID recordId) {
        retention.release(user, recordId);
        return "redirect:/retention";
    }

    /** A hold on a person: the name comes in the POST body and goes nowhere but the hold's own row. */
    @PostMapping("/person-hold")
    String holdPerson(Actor user, PersonHoldForm form, Model model) {
        FormErrors errors = FormErrors.none();
        boolean noReference = form.personReference() == null || form.personReference().isBlank();
        boolean noName = form.personName() == null || form.personName().isBlank();
        if (noReference && noName) {
            errors.addCode("personReference", "retention.error.person");
        } else if (form.personReason() == null || form.personReason().isBlank()) {
            errors.addCode("personReason", "retention.error.person-reason");
        } else {
            try {
                retention.holdPerson(user, form.personReference(), form.personName(), form.personReason());
                return "redirect:/retention";
            } catch (RetentionInputException e) {
                errors.add("personReason", e.text());
            } catch (IllegalArgumentException e) {
                errors.add("personReason", e.getMessage());
            }
        }
        model.addAttribute("personHold", form);
        return show(user, errors, new HoldForm("", ""), new ErasureForm("", ""), Map.of(), null, model);
    }

    @PostMapping("/person-hold/release")
    String releasePerson(Actor user, @RequestParam UUID holdId) {
        retention.releasePerson(user, holdId);
        return "redirect:/retention";
    }

    @PostMapping("/erasure")
    String erase(Actor user, ErasureForm form, Model model) {
        boolean noReference = form.reference() == null || form.reference().isBlank();
        boolean noName = form.name() == null || form.name().isBlank();
        if (noReference && noName) {
            return show(user, FormErrors.none().addCode("reference", "retention.error.person"),
                    new HoldForm("", ""), form, Map.of(), null, model);
        }
        Retention.Erasure result = retention.erase(user, form.reference(), form.name());
        if (result.refused()) {
            FormErrors errors = FormErrors.none();
            List<String> reasons = new ArrayList<>();
            result.refusedByHolds().forEach((id, reason) -> reasons.add(Catalogue.text("retention.error.held.record", id, reason)));
            errors.addCode("reference", "retention.error.held", String.join("; ", reasons));
            return show(user, errors, new HoldForm("", ""), form, result.refusedByHolds(), null, model);
        }
        return "redirect:/retention?certificate=" + result.certificateId().orElseThrow();
    }

    @GetMapping("/certificates/{id}")
    ResponseEntity<byte[]> certificate(Actor user, @PathVariable UUID id) {
        byte[] body = retention.certificateText(user, id).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, Attachments.header("deletion-certificate-" + id + ".txt")).body(body);
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
