package org.caseshare.exchange;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseshare.directory.Directory;
import org.caseshare.system.ApiValidationException;
import org.caseshare.system.Actor;
import org.caseshare.system.FormErrors;
import org.caseshare.system.Text;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Requests for files on the hub's pages: ask, see, answer by uploading, cancel. */
@Controller
@RequestMapping("/hub/requests")
class FileRequestsController {

    private final FileRequests requests;
    private final PackageViews views;
    private final Directory directory;

    FileRequestsController(FileRequests requests, PackageViews views, Directory directory) {
        this.requests = requests;
        this.views = views;
        this.directory = directory;
    }

    record RequestForm(String recipientEntryId, String recipient, String what, String why, String dueOn, String sharingRecordId) {
    }

    @GetMapping("/new")
    String blank(Actor caller, @RequestParam(name = "record", required = false) UUID record, Model model) {
        if (record == null) {
            return form(caller, model, new RequestForm("", "", "", "", "", ""), FormErrors.none());
        }
        NewFileRequest from = requests.fromRecord(caller, record);
        return form(caller, model, new RequestForm(from.recipientEntryId() == null ? "" : from.recipientEntryId().toString(),
                text(from.recipient()), text(from.what()), text(from.why()), "", record.toString()), FormErrors.none());
    }

    /** Requests made under one sharing record: the record page links here, by URL only (sharing does not depend on the hub). */
    @GetMapping(params = "record")
    String underRecord(Actor caller, @RequestParam("record") UUID record, Model model) {
        model.addAttribute("requests", requests.underRecord(caller, record));
        model.addAttribute("mayAsk", requests.mayAskUnder(caller, record));
        model.addAttribute("recordId", record);
        return "hub/requests";
    }

    @PostMapping("/new")
    String create(Actor caller, RequestForm form, Model model, RedirectAttributes redirect) {
        try {
            UUID id = requests.create(caller, new NewFileRequest(uuid(form.recipientEntryId()), form.recipient(), form.what(), form.why(),
                    form.dueOn(), uuid(form.sharingRecordId())));
            redirect.addFlashAttribute("notice", Text.of("hub.notice.request-sent"));
            return "redirect:/hub/requests/" + id;
        } catch (ApiValidationException e) {
            Map<String, Text> messages = HubErrors.texts(e);
            FormErrors errors = FormErrors.none();
            for (String field : List.of("sharingRecordId", "recipientEntryId", "recipients", "what", "why", "dueOn")) {
                if (messages.containsKey(field)) {
                    errors.add(field.equals("recipients") ? "recipient" : field, messages.get(field));
                }
            }
            return form(caller, model, form, errors);
        }
    }

    private String form(Actor caller, Model model, RequestForm form, FormErrors errors) {
        if (!FileRequests.mayRequest(caller)) {
            throw new org.springframework.security.access.AccessDeniedException("Only practitioners request files");
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("entries", directory.search(caller.organisationId(), ""));
        return "hub/request-new";
    }

    @GetMapping("/{id}")
    String view(Actor caller, @PathVariable UUID id, Model model) {
        FileRequest request = requests.get(caller, id);
        model.addAttribute("r", request);
        model.addAttribute("requester", requests.isRequester(caller, request));
        model.addAttribute("answer", request.packageId() == null ? null : views.find(caller, request.packageId()).orElse(null));
        return "hub/request";
    }

    @PostMapping("/{id}/fulfil")
    String fulfil(Actor caller, @PathVariable UUID id) {
        return "redirect:/hub/packages/" + requests.fulfil(caller, id);
    }

    @PostMapping("/{id}/cancel")
    String cancel(Actor caller, @PathVariable UUID id, RedirectAttributes redirect) {
        requests.cancel(caller, id);
        redirect.addFlashAttribute("notice", Text.of("hub.notice.request-cancelled"));
        return "redirect:/hub/requests/" + id;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw HubErrors.invalid("Invalid identifier", "recipientEntryId", "hub.error.organisation");
        }
    }
}
