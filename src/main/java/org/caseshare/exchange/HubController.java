package org.caseshare.exchange;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.caseshare.audit.AuditReceipts;
import org.caseshare.directory.Directory;
import org.caseshare.system.ApiValidationException;
import org.caseshare.system.Actor;
import org.caseshare.system.FormErrors;
import org.caseshare.system.Text;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The secure hub's pages: sent and received packages, a new package, a package, download. */
@Controller
@RequestMapping("/hub")
class HubController {

    private final Packages packages;
    private final PackageViews views;
    private final PackageUploads uploads;
    private final PackageDownloads downloads;
    private final PackageShredding shredding;
    private final Directory directory;
    private final java.time.Clock clock;

    private final FileRequests requests;
    private final RecordChoices choices;
    private final AuditReceipts receipts;

    HubController(Packages packages, PackageViews views, PackageUploads uploads, PackageDownloads downloads, PackageShredding shredding,
            FileRequests requests, RecordChoices choices, Directory directory, java.time.Clock clock, AuditReceipts receipts) {
        this.receipts = receipts;
        this.views = views;
        this.uploads = uploads;
        this.downloads = downloads;
        this.shredding = shredding;
        this.requests = requests;
        this.choices = choices;
        this.packages = packages;
        this.directory = directory;
        this.clock = clock;
    }

    record PackageForm(String recipientEntryId, String recipients, String purpose, String consentLimits,
            String furtherHandling, String expiresInDays, String downloadLimit, String sharingRecordId) {
    }

    @GetMapping
    String index(Actor caller, Model model) {
        model.addAttribute("sent", views.sent(caller));
        model.addAttribute("received", views.received(caller));
        model.addAttribute("canSend", Packages.maySend(caller));
        model.addAttribute("canRequest", FileRequests.mayRequest(caller));
        model.addAttribute("requestsMade", requests.made(caller));
        model.addAttribute("requestsReceived", requests.received(caller));
        return "hub/index";
    }

    /**
     * A new package; from a sharing record ({@code ?record=}) it carries the record's purpose and limits
     * of consent. A practitioner who comes without one first chooses it ({@code choose} is the list's
     * button, so choosing nothing is an error); a partner user sending back fills in the terms.
     */
    @GetMapping("/new")
    String newPackage(Actor caller, @RequestParam(name = "record", required = false) UUID record,
            @RequestParam(name = "choose", required = false) String choose, Model model) {
        if (record == null && !caller.hasRole("PARTNER")) {
            return chooseRecord(caller, model, choose == null ? FormErrors.none() : FormErrors.none().addCode("sharingRecordId", Packages.RECORD_NEEDED));
        }
        String days = Long.toString(packages.limits().defaultExpiry().toDays());
        String downloads = Integer.toString(packages.limits().defaultDownloadLimit());
        if (record != null) {
            RecordTerms terms = packages.termsOf(caller, record);
            model.addAttribute("terms", terms);
            return form(caller, model, new PackageForm("", "", terms.purpose(), terms.consentLimits(), terms.furtherHandling(), days,
                    downloads, record.toString()), FormErrors.none());
        }
        return form(caller, model, new PackageForm("", "", "", "", "", days, downloads, ""), FormErrors.none());
    }

    @PostMapping("/new")
    String create(Actor caller, PackageForm form, Model model) {
        UUID record = null;
        try {
            record = uuid(form.sharingRecordId(), "sharingRecordId");
            UUID id = packages.create(caller, new NewPackage(uuid(form.recipientEntryId(), "recipientEntryId"),
                    List.of(nullToEmpty(form.recipients())), form.purpose(), form.consentLimits(), form.furtherHandling(),
                    integer(form.expiresInDays()), integer(form.downloadLimit()), record));
            return "redirect:/hub/packages/" + id;
        } catch (ApiValidationException e) {
            Map<String, Text> messages = HubErrors.texts(e);
            FormErrors errors = FormErrors.none();
            for (String field : List.of("sharingRecordId", "recipientEntryId", "recipients", "purpose", "consentLimits", "furtherHandling",
                    "expiresInDays", "downloadLimit")) {
                if (messages.containsKey(field)) {
                    errors.add(field, messages.get(field));
                }
            }
            messages.forEach(errors::add);
            if (record == null && errors.has("sharingRecordId") && !caller.hasRole("PARTNER")) {
                return chooseRecord(caller, model, FormErrors.none().add("sharingRecordId", messages.get("sharingRecordId")));
            }
            PackageForm shown = form;
            if (record != null) {
                RecordTerms terms = packages.termsOf(caller, record);
                model.addAttribute("terms", terms);
                shown = new PackageForm(form.recipientEntryId(), form.recipients(), terms.purpose(), terms.consentLimits(),
                        form.furtherHandling(), form.expiresInDays(), form.downloadLimit(), form.sharingRecordId());
            }
            return form(caller, model, shown, errors);
        }
    }

    /** Which sharing record the package is sent under: the latest eligible ones, or record a share first. */
    private String chooseRecord(Actor caller, Model model, FormErrors errors) {
        model.addAttribute("choices", choices.forCaller(caller));
        model.addAttribute("errors", errors);
        return "hub/choose-record";
    }

    private String form(Actor caller, Model model, PackageForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("fromRecord", form.sharingRecordId() != null && !form.sharingRecordId().isBlank());
        model.addAttribute("entries", caller.hasRole("PARTNER") ? List.of() : directory.search(caller.organisationId(), ""));
        model.addAttribute("limits", packages.limits());
        return "hub/new";
    }

    @GetMapping("/packages/{id}")
    String view(Actor caller, @PathVariable UUID id, Model model) {
        HubPackage p = views.get(caller, id);
        model.addAttribute("p", p);
        model.addAttribute("sender", views.isSender(caller, p));
        model.addAttribute("isDraftOwner", p.status() == PackageStatus.DRAFT && p.senderId().equals(caller.accountId()));
        model.addAttribute("acknowledged", !views.isSender(caller, p) && p.acknowledgedBy(views.email(caller)));
        model.addAttribute("available", p.available(clock.instant()));
        // A recipient's own acknowledgement and downloads, each with a receipt they can verify.
        model.addAttribute("receipts", views.isSender(caller, p) ? List.of() : receipts.entriesFor(caller, HubRow.target(id)));
        model.addAttribute("answersRequest", requests.answeredBy(caller, id).orElse(null));
        model.addAttribute("senderOrganisation", views.isSender(caller, p) ? null
                : directory.organisation(p.organisationId()).map(org.caseshare.directory.Organisation::name).orElse(null));
        FormErrors errors = FormErrors.none();
        if (model.getAttribute("errorField") instanceof String field && model.getAttribute("errorMessage") instanceof Text message) {
            errors.add(field, message);
        }
        model.addAttribute("errors", errors);
        return "hub/package";
    }

    @PostMapping("/packages/{id}/files")
    String upload(Actor caller, @PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("errorField", "file");
            redirect.addFlashAttribute("errorMessage", Text.of("hub.error.no-file"));
            return "redirect:/hub/packages/" + id;
        }
        uploads.addFile(caller, id, file.getOriginalFilename(), file.getInputStream(), file.getSize());
        redirect.addFlashAttribute("notice", Text.of("hub.notice.file-added"));
        return "redirect:/hub/packages/" + id;
    }

    /**
     * The page's streaming upload (hub-upload.js): the file is the raw body and the CSRF token a
     * header, so nothing is parsed as multipart or spooled to disk; it is encrypted as it arrives.
     */
    @org.springframework.web.bind.annotation.PutMapping("/packages/{id}/files")
    org.springframework.http.ResponseEntity<Map<String, Object>> stream(Actor caller, @PathVariable UUID id, @RequestParam String name,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        UUID fileId = uploads.addFile(caller, id, name, request.getInputStream(), PackagesApiController.declaredLength(request));
        org.springframework.web.servlet.FlashMap flash = org.springframework.web.servlet.support.RequestContextUtils.getOutputFlashMap(request);
        flash.put("notice", Text.of("hub.notice.file-added"));
        flash.setTargetRequestPath("/hub/packages/" + id);
        org.springframework.web.servlet.support.RequestContextUtils.getFlashMapManager(request).saveOutputFlashMap(flash, request, response);
        return org.springframework.http.ResponseEntity.status(org.springframework.http.HttpStatus.CREATED).body(Map.of("id", fileId));
    }

    @PostMapping("/packages/{id}/send")
    String send(Actor caller, @PathVariable UUID id, @RequestParam(defaultValue = "false") boolean password,
            RedirectAttributes redirect) {
        try {
            packages.send(caller, id, password).ifPresent(p -> redirect.addFlashAttribute("password", p));
            redirect.addFlashAttribute("notice", Text.of("hub.notice.sent"));
        } catch (ApiValidationException e) {
            var first = HubErrors.texts(e).entrySet().iterator().next();
            redirect.addFlashAttribute("errorField", first.getKey());
            redirect.addFlashAttribute("errorMessage", first.getValue());
        }
        return "redirect:/hub/packages/" + id;
    }

    @PostMapping("/packages/{id}/acknowledge")
    String acknowledge(Actor caller, @PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect) {
        views.get(caller, id); // another organisation's package is not found, whatever was posted
        if (!confirm) {
            redirect.addFlashAttribute("errorField", "confirm");
            redirect.addFlashAttribute("errorMessage", Text.of("hub.error.confirm"));
            return "redirect:/hub/packages/" + id;
        }
        downloads.acknowledge(caller, id);
        return "redirect:/hub/packages/" + id;
    }

    @PostMapping("/packages/{id}/files/{fileId}/download")
    void download(Actor caller, @PathVariable UUID id, @PathVariable UUID fileId, @RequestParam(required = false) String password,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        char[] secret = password == null || password.isBlank() ? null : password.toCharArray();
        try {
            DownloadResponses.write(response, downloads.startDownload(caller, id, fileId, secret, request.getRemoteAddr()));
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    /** A damaged file: a page saying so and what to do, instead of the generic error page. */
    @ExceptionHandler(FileDamagedException.class)
    @ResponseStatus(HttpStatus.GONE)
    String damaged(Model model) {
        model.addAttribute("detail", Text.of("hub.damaged.detail"));
        return "hub/damaged";
    }

    @PostMapping("/packages/{id}/revoke")
    String revoke(Actor caller, @PathVariable UUID id, RedirectAttributes redirect) {
        shredding.revoke(caller, id);
        redirect.addFlashAttribute("notice", Text.of("hub.notice.revoked"));
        return "redirect:/hub/packages/" + id;
    }

    private static UUID uuid(String value, String field) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw HubErrors.invalid("Invalid " + field, field, field.equals("recipientEntryId")
                    ? "hub.error.organisation" : "hub.error.record-again");
        }
    }

    private static Integer integer(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
