package org.caseshare.directory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseshare.system.Actor;
import org.caseshare.system.FormErrors;
import org.caseshare.system.NotFoundException;
import org.caseshare.system.Text;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisation admin's directory pages ({@code /organisation/**} is admin-only in the security
 * chain; {@link Directory} checks the role again). A form with any problem saves nothing.
 */
@Controller
@RequestMapping("/organisation/directory")
class DirectoryAdminController {

    private static final String BASE = "/organisation/directory";

    private final Directory directory;
    private final MailDomainPolicy mailDomains;

    DirectoryAdminController(Directory directory, MailDomainPolicy mailDomains) {
        this.directory = directory;
        this.mailDomains = mailDomains;
    }

    /**
     * What the add and change organisation forms carry; the switchboard is only on the add form. The
     * language is {@code en}, {@code cy} or {@code both}; a form sent without it (an older page) keeps
     * English on a new entry and the recorded language on a changed one.
     */
    record EntryForm(String name, String kind, String telephone, String language) {
        static EntryForm empty() {
            return new EntryForm("", "", "", OrganisationLanguage.ENGLISH.code());
        }
    }

    @GetMapping
    String list(Actor caller, @RequestParam(defaultValue = "") String q, Model model) {
        return DirectoryController.listPage(directory, caller, q, model, true);
    }

    @GetMapping("/new")
    String newEntry(Model model) {
        return entryForm(model, EntryForm.empty(), FormErrors.none(), null);
    }

    @PostMapping
    String add(Actor caller, @ModelAttribute EntryForm form, Model model, RedirectAttributes redirect) {
        FormErrors errors = FormErrors.none();
        String name = check(errors, "name", () -> DirectoryEntry.validName(form.name()));
        OrganisationKind kind = kind(errors, form.kind());
        OrganisationLanguage language = language(errors, form.language(), OrganisationLanguage.ENGLISH);
        List<ContactDetails> first = List.of();
        if (form.telephone() != null && !form.telephone().isBlank()) {
            first = switchboard(errors, form.telephone());
        }
        if (errors.isEmpty()) {
            try {
                DirectoryEntry entry = directory.addEntry(caller, name, kind, language, first);
                redirect.addFlashAttribute("notice", Text.of("directory.notice.entry-added", entry.name()));
                return "redirect:" + BASE + "/" + entry.id();
            } catch (InvalidFieldException e) {
                errors.add(e.field(), e.text());
            }
        }
        return entryForm(model, form, errors, null);
    }

    @GetMapping("/{id}")
    String entry(Actor caller, @PathVariable UUID id, Model model) {
        return DirectoryController.entryPage(directory, caller, id, model, true);
    }

    @GetMapping("/{id}/edit")
    String editEntry(Actor caller, @PathVariable UUID id, Model model) {
        DirectoryEntry entry = entry(caller, id);
        return entryForm(model, new EntryForm(entry.name(), entry.kind().name(), "", entry.language().code()), FormErrors.none(), entry);
    }

    @PostMapping("/{id}/edit")
    String changeEntry(Actor caller, @PathVariable UUID id, @ModelAttribute EntryForm form, Model model, RedirectAttributes redirect) {
        DirectoryEntry entry = entry(caller, id);
        FormErrors errors = FormErrors.none();
        String name = check(errors, "name", () -> DirectoryEntry.validName(form.name()));
        OrganisationKind kind = kind(errors, form.kind());
        OrganisationLanguage language = language(errors, form.language(), entry.language());
        if (errors.isEmpty()) {
            try {
                directory.changeEntry(caller, id, name, kind, language);
                redirect.addFlashAttribute("notice", Text.of("directory.notice.entry-saved"));
                return "redirect:" + BASE + "/" + id;
            } catch (InvalidFieldException e) {
                errors.add(e.field(), e.text());
            }
        }
        return entryForm(model, form, errors, entry);
    }

    @GetMapping("/{id}/contact-points/new/{kind}")
    String newContactPoint(Actor caller, @PathVariable UUID id, @PathVariable String kind, Model model) {
        return contactPointForm(model, entry(caller, id), kind(kind), null, ContactPointForm.empty(), FormErrors.none());
    }

    @PostMapping("/{id}/contact-points/new/{kind}")
    String addContactPoint(Actor caller, @PathVariable UUID id, @PathVariable String kind, @ModelAttribute ContactPointForm form,
            Model model, RedirectAttributes redirect) {
        DirectoryEntry entry = entry(caller, id);
        ContactPointKind chosen = kind(kind);
        try {
            directory.addContactPoint(caller, id, form.toDetails(chosen, mailDomains));
            redirect.addFlashAttribute("notice", Text.of("directory.notice.point-added", kindLabel(chosen)));
            return "redirect:" + BASE + "/" + id;
        } catch (InvalidInputException e) {
            return contactPointForm(model, entry, chosen, null, form, errors(e.texts()));
        } catch (InvalidFieldException e) {
            return contactPointForm(model, entry, chosen, null, form, FormErrors.none().add(e.field(), e.text()));
        }
    }

    @GetMapping("/{id}/contact-points/{pointId}")
    String editContactPoint(Actor caller, @PathVariable UUID id, @PathVariable UUID pointId, Model model) {
        DirectoryEntry entry = entry(caller, id);
        ContactPoint point = point(entry, pointId);
        return contactPointForm(model, entry, point.kind(), point, ContactPointForm.of(point.details()), FormErrors.none());
    }

    @PostMapping("/{id}/contact-points/{pointId}")
    String changeContactPoint(Actor caller, @PathVariable UUID id, @PathVariable UUID pointId, @ModelAttribute ContactPointForm form,
            Model model, RedirectAttributes redirect) {
        DirectoryEntry entry = entry(caller, id);
        ContactPoint point = point(entry, pointId);
        try {
            ContactPoint changed = directory.changeContactPoint(caller, id, pointId, form.toDetails(point.kind(), mailDomains));
            redirect.addFlashAttribute("notice", point.verified() && !changed.verified()
                    ? Text.of("directory.notice.point-saved-cleared")
                    : Text.of("directory.notice.point-saved"));
            return "redirect:" + BASE + "/" + id;
        } catch (InvalidInputException e) {
            return contactPointForm(model, entry, point.kind(), point, form, errors(e.texts()));
        } catch (InvalidFieldException e) {
            return contactPointForm(model, entry, point.kind(), point, form, FormErrors.none().add(e.field(), e.text()));
        }
    }

    @PostMapping("/{id}/contact-points/{pointId}/verify")
    String verify(Actor caller, @PathVariable UUID id, @PathVariable UUID pointId, RedirectAttributes redirect) {
        ContactPoint point = directory.markVerified(caller, id, pointId);
        redirect.addFlashAttribute("notice", Text.of("directory.notice.point-verified", kindLabel(point.kind())));
        return "redirect:" + BASE + "/" + id;
    }

    @PostMapping("/{id}/contact-points/{pointId}/remove")
    String remove(Actor caller, @PathVariable UUID id, @PathVariable UUID pointId, RedirectAttributes redirect) {
        directory.removeContactPoint(caller, id, pointId);
        redirect.addFlashAttribute("notice", Text.of("directory.notice.point-removed"));
        return "redirect:" + BASE + "/" + id;
    }

    private DirectoryEntry entry(Actor caller, UUID id) {
        return directory.entry(caller.organisationId(), id).orElseThrow(() -> new NotFoundException("Directory entry"));
    }

    private static ContactPoint point(DirectoryEntry entry, UUID pointId) {
        return entry.contactPoint(pointId).orElseThrow(() -> new NotFoundException("Contact point"));
    }

    private static ContactPointKind kind(String slug) {
        try {
            return ContactPointKind.fromSlug(slug);
        } catch (InvalidFieldException e) {
            throw new NotFoundException("Contact point kind");
        }
    }

    private static OrganisationKind kind(FormErrors errors, String kind) {
        try {
            return OrganisationKind.valueOf(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            errors.addCode("kind", "directory.error.kind");
            return null;
        }
    }

    /** The language chosen; when none was sent, the one given. */
    private static OrganisationLanguage language(FormErrors errors, String code, OrganisationLanguage unsent) {
        if (code == null) {
            return unsent;
        }
        return OrganisationLanguage.fromCode(code).orElseGet(() -> {
            errors.addCode("language", "directory.error.language");
            return unsent;
        });
    }

    /** The kind's name, in the reader's language when the notice is shown. */
    private static Text kindLabel(ContactPointKind kind) {
        return Text.of("directory.contact-point-kind." + kind.name());
    }

    private List<ContactDetails> switchboard(FormErrors errors, String telephone) {
        try {
            return List.of(ContactPointForm.empty().withTelephone(telephone).toDetails(ContactPointKind.SWITCHBOARD, mailDomains));
        } catch (InvalidInputException e) {
            e.texts().forEach(errors::add);
            return List.of();
        }
    }

    private static String check(FormErrors errors, String field, java.util.function.Supplier<String> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            errors.add(field, InvalidValueException.textOf(e));
            return null;
        }
    }

    private static FormErrors errors(Map<String, Text> byField) {
        FormErrors errors = FormErrors.none();
        byField.forEach(errors::add);
        return errors;
    }

    private static String entryForm(Model model, EntryForm form, FormErrors errors, DirectoryEntry entry) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("entry", entry);
        model.addAttribute("organisationKinds", OrganisationKind.values());
        model.addAttribute("languages", OrganisationLanguage.values());
        return "directory/entry-form";
    }

    private static String contactPointForm(Model model, DirectoryEntry entry, ContactPointKind kind, ContactPoint point,
            ContactPointForm form, FormErrors errors) {
        model.addAttribute("entry", entry);
        model.addAttribute("kind", kind);
        model.addAttribute("point", point);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "directory/contact-point-form";
    }
}
