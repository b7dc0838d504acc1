package org.caseshare.sharing;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.caseshare.directory.Directory;
import org.caseshare.directory.Switchboard;
import org.caseshare.identity.Role;
import org.caseshare.policy.Assessment;
import org.caseshare.policy.InformationCategory;
import org.caseshare.policy.Safeguard;
import org.caseshare.system.Actor;
import org.caseshare.system.Catalogue;
import org.caseshare.system.FormErrors;
import org.caseshare.system.RelatedNotices;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * "Record a share" (one form page), its checklist (one page), and the record with its timeline and
 * the verbs that move it on. A routine telephone disclosure takes the form and the checklist.
 */
@Controller
@RequestMapping("/sharing")
class SharePageController {

    private final SharingRegister register;
    private final Directory directory;
    private final List<RelatedNotices> notices;
    private final RegisterPeople people;

    SharePageController(SharingRegister register, Directory directory, List<RelatedNotices> notices, RegisterPeople people) {
        this.register = register;
        this.directory = directory;
        this.notices = notices;
        this.people = people;
    }


    /**
     * A blank form; with {@code again} one carrying what an earlier record of this organisation settled;
     * with {@code decided} one carrying the answers given on "How should I share this?".
     */
    @GetMapping("/new")
    String blank(Actor user, @RequestParam(required = false) UUID again, @RequestParam(defaultValue = "false") boolean emergency,
            @RequestParam(defaultValue = "false") boolean call, @RequestParam(defaultValue = "false") boolean decided,
            @RequestParam(defaultValue = "") String marking, @RequestParam(defaultValue = "") String urgency,
            @RequestParam(required = false) List<String> categories, @RequestParam(defaultValue = "") String recipientType,
            @RequestParam(defaultValue = "") String channel, Model model) {
        String token = UUID.randomUUID().toString();
        ShareForm form = emergency ? ShareForm.emergency(token) : call ? ShareForm.telephoneRequest(token) : ShareForm.blank(token);
        if (again != null) {
            SharingRecord earlier = register.get(user.organisationId(), again);
            form = RecordForms.again(earlier, token);
            model.addAttribute("copiedFrom", earlier.reference());
        } else if (decided) {
            var answers = DecidedAnswers.read(marking, urgency, categories, recipientType, channel);
            if (answers.isPresent()) {
                form = answers.get().form(token);
                model.addAttribute("fromDecision", true);
            }
        }
        return formPage(user, model, form, FormErrors.none(), register.assessment(form, user.organisationId()).orElse(null), null);
    }

    @PostMapping("/new")
    String record(Actor user, @ModelAttribute ShareForm typed, @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String numberFromDirectory, @RequestParam(required = false) List<String> safeguard,
            @RequestParam(defaultValue = "") String callBackNumber, @RequestParam(defaultValue = "") String usePerson, Model model,
            RedirectAttributes redirect) {
        OnTheCall call = new OnTheCall(numberFromDirectory.equals("yes"), safeguard, callBackNumber);
        model.addAttribute("call", call);
        if (!usePerson.isBlank()) {
            return personUsed(user, model, typed, usePerson);
        }
        if (action.equals("assess") || action.equals("find-person")) {
            // "Look for them on the register" is this re-render: the offers come with every new form shown again
            model.addAttribute("lookedUp", action.equals("find-person"));
            return formPage(user, model, typed, FormErrors.none(), register.assessment(typed, user.organisationId()).orElse(null), null);
        }
        if (action.equals("pick")) {
            return picked(user, model, typed, null);
        }
        ShareForm form = call.read(typed, directory, user.organisationId());
        boolean shareNow = action.equals("share");
        Map<String, String> unconfirmed = shareNow ? call.unconfirmed(register.check(form, user.organisationId())) : Map.of();
        SharingRegister.Created created = unconfirmed.isEmpty() ? register.record(form, user)
                : new SharingRegister.Created(null, unconfirmed, false);
        if (!created.valid()) {
            Map<String, String> errors = new LinkedHashMap<>(created.errors());
            if (call.numberFromDirectory() && errors.containsKey("numberGiven")) {
                errors.put("numberGiven", Catalogue.text("sharing.error.no-directory-number"));
            }
            return formPage(user, model, typed, errors(errors), register.assessment(form, user.organisationId()).orElse(null), null);
        }
        SharingRecord record = register.get(user.organisationId(), created.id());
        if (!created.alreadyRecorded()) {
            record = call.complete(register, directory, user, record, shareNow);
            if (record.status() == Status.SHARED) {
                redirect.addFlashAttribute("justShared", true);
            }
        }
        return "redirect:/sharing/" + record.id() + (record.status().beforeSharing() && record.content().decision().shares() ? "/checklist" : "");
    }

    /** "Use this contact": the form again, its recipient filled from the directory, nothing saved. */
    private String picked(Actor user, Model model, ShareForm form, SharingRecord record) {
        ShareForm filled = DirectoryFill.fill(form, directory, user.organisationId());
        return formPage(user, model, filled, FormErrors.none(), register.assessment(filled, user.organisationId()).orElse(null), record);
    }

    /** "Use these details": the form again, one row of people filled from the register, said so, nothing saved. */
    private String personUsed(Actor user, Model model, ShareForm typed, String choice) {
        ShareForm form = typed;
        var filled = people.use(typed, user.organisationId(), choice);
        if (filled.isPresent()) {
            model.addAttribute("personFilled", filled.get());
            form = filled.get().form();
        }
        return formPage(user, model, form, FormErrors.none(), register.assessment(form, user.organisationId()).orElse(null), null);
    }

    @GetMapping("/{id}/edit")
    String edit(Actor user, @PathVariable UUID id, Model model) {
        SharingRecord record = register.get(user.organisationId(), id);
        return formPage(user, model, RecordForms.of(record), FormErrors.none(), null, record);
    }

    @PostMapping("/{id}/edit")
    String revise(Actor user, @PathVariable UUID id, @ModelAttribute ShareForm form, @RequestParam(defaultValue = "") String action,
            Model model) {
        SharingRecord record = register.get(user.organisationId(), id);
        if (action.equals("pick")) {
            return picked(user, model, form, record);
        }
        Map<String, String> errors = register.revise(id, form, user);
        if (!errors.isEmpty()) {
            return formPage(user, model, form, errors(errors), register.assessment(form, user.organisationId()).orElse(null), record);
        }
        return "redirect:/sharing/" + id;
    }

    @GetMapping("/{id}")
    String view(Actor user, @PathVariable UUID id, Model model) {
        SharingRecord record = register.get(user.organisationId(), id);
        model.addAttribute("record", record);
        model.addAttribute("notices", RelatedNotices.collect(notices, user, RelatedNotices.Subject.SHARING_RECORD, id));
        List<Safeguard> safeguards = safeguards(user, record);
        model.addAttribute("safeguards", safeguards);
        model.addAttribute("timeline", TimelineLines.of(record));
        model.addAttribute("categoryNames", Arrays.stream(InformationCategory.values())
                .filter(record.content().categories()::contains).map(c -> Catalogue.text("sharing.category." + c.name()))
                .collect(Collectors.joining(", ")));
        model.addAttribute("canAuthorise", record.status() == Status.AWAITING_AUTHORISATION && canAuthorise(user, record));
        return "sharing/record";
    }

    @GetMapping("/{id}/checklist")
    String checklist(Actor user, @PathVariable UUID id, Model model) {
        SharingRecord record = register.get(user.organisationId(), id);
        model.addAttribute("record", record);
        model.addAttribute("groups", SafeguardGroup.of(safeguards(user, record)));
        var switchboard = record.content().recipient().entryId() == null ? null
                : directory.switchboardFor(user.organisationId(), record.content().recipient().entryId()).orElse(null);
        model.addAttribute("switchboard", switchboard);
        // the number alone, never the directory's label beside it: what is stored is a number to dial
        model.addAttribute("switchboardNumber", switchboard == null ? ""
                : switchboard.details(Switchboard.class).map(b -> b.number().display()).orElse(""));
        return "sharing/checklist";
    }

    @PostMapping("/{id}/checklist")
    String completeChecklist(Actor user, @PathVariable UUID id, @RequestParam(defaultValue = "") String version,
            @RequestParam(required = false) List<String> safeguard, @RequestParam(defaultValue = "") String callBackNumber,
            @RequestParam(defaultValue = "") String callBackOutcome, @RequestParam(defaultValue = "") String callBackNote,
            @RequestParam(defaultValue = "") String callBackOnGiven, @RequestParam(defaultValue = "") String action,
            RedirectAttributes redirect) {
        String dialled = callBackNumber;
        if (dialled.isBlank() && callBackOnGiven.equals("yes")) {
            // the person ticked that the number the caller gave is the one they called back on
            dialled = register.get(user.organisationId(), id).content().numberGiven();
        }
        SharingRegister.CallBackInput callBack = callBackOutcome.isBlank() ? null
                : new SharingRegister.CallBackInput(dialled, callBackOutcome.equals("verified"), callBackNote);
        SharingRecord record = register.completeChecklist(user, id, SharingRegister.parseVersion(version), callBack,
                SafeguardGroup.ids(safeguard), action.equals("share"));
        // the confirmation panel shows once, on the page the share lands on; a reload shows the plain record
        if (action.equals("share") && record.status() == Status.SHARED) {
            redirect.addFlashAttribute("justShared", true);
        }
        return "redirect:/sharing/" + id;
    }

    @PostMapping("/{id}/{verb:authorise|refuse|confirm-receipt|close|decline|cancel|share}")
    String verb(Actor user, @PathVariable UUID id, @PathVariable String verb,
            @RequestParam(defaultValue = "") String version, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        Actor actor = user;
        Integer expected = SharingRegister.parseVersion(version);
        switch (verb) {
            case "authorise" -> register.authorise(actor, id, expected);
            case "refuse" -> register.refuse(actor, id, expected, reason);
            case "confirm-receipt" -> register.confirmReceipt(actor, id, expected);
            case "close" -> register.close(actor, id, expected);
            case "decline" -> register.decline(actor, id, expected, reason);
            case "cancel" -> register.cancel(actor, id, expected, reason);
            default -> {
                register.share(actor, id, expected);
                redirect.addFlashAttribute("justShared", true);
            }
        }
        return "redirect:/sharing/" + id;
    }

    @ExceptionHandler(SharingRefusedException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String refused(SharingRefusedException e, Model model) {
        model.addAttribute("message", e.text());
        return "sharing/refused";
    }

    @ExceptionHandler(StaleRecordException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String stale(StaleRecordException e, Model model) {
        model.addAttribute("message", StaleRecordException.TEXT);
        return "sharing/refused";
    }

    static boolean canAuthorise(Actor user, SharingRecord record) {
        boolean role = record.policy().authoriser().map(a -> switch (a) {
            case MANAGER -> Role.MANAGER.heldBy(user);
            case INFORMATION_SECURITY_OFFICER -> Role.DATA_PROTECTION_OFFICER.heldBy(user);
        }).orElse(false);
        return role && !record.decidedBy().accountId().equals(user.accountId());
    }

    private List<Safeguard> safeguards(Actor user, SharingRecord record) {
        return register.checklist(record);
    }

    private static FormErrors errors(Map<String, String> byField) {
        FormErrors errors = FormErrors.none();
        for (String field : ShareForm.FIELDS) {
            if (byField.containsKey(field)) {
                errors.add(field, said(byField.get(field)));
            }
        }
        byField.forEach((field, message) -> errors.add(field, said(message)));
        return errors;
    }

    /**
     * A message already in the reader's words (the register reads the form in the request's
     * language), passed through the catalogue as an argument so that nothing in it is taken for
     * MessageFormat syntax: an apostrophe stays an apostrophe.
     */
    private static Text said(String message) {
        return Text.of("sharing.said", message);
    }

    private String formPage(Actor user, Model model, ShareForm form, FormErrors errors, Assessment assessment, SharingRecord record) {
        model.addAttribute("form", form);
        if (!model.containsAttribute("call")) {
            model.addAttribute("call", OnTheCall.NONE);
        }
        // a new telephone share can be called back, checked and recorded on this page
        model.addAttribute("callGroups", record == null ? OnTheCall.groups(assessment) : List.of());
        model.addAttribute("errors", errors);
        // A new emergency form leaves out what the full record settles later, unless an answer there is wrong;
        // completing that full record shows everything.
        model.addAttribute("laterHidden", record == null && "EMERGENCY".equals(form.urgency()) && LATER.stream().noneMatch(errors::has));
        model.addAttribute("record", record);
        List<List<RegisterPeople.Offer>> offers = record == null ? people.offers(form, user.organisationId()) : List.of();
        model.addAttribute("offers", offers);
        model.addAttribute("noMatch", Boolean.TRUE.equals(model.getAttribute("lookedUp")) && offers.stream().allMatch(List::isEmpty));
        model.addAttribute("assessment", assessment);
        FormChoices.addTo(model, directory, user.organisationId());
        return "sharing/form";
    }

    /** What an emergency share the policy lets go first may leave to its full record. */
    private static final List<String> LATER = List.of("necessity", "lawfulBasis", "article9Condition", "article10Condition",
            "statutoryGateway", "consentSought", "consentNotSought", "consentNotSoughtOther", "consentGivenBy", "adviceSummary",
            "decisionReasons", "personInformed", "personInformedOn", "personNotInformedWhy", "reviewDate");
}
