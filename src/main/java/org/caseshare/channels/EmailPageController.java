package org.caseshare.channels;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.caseshare.system.Actor;
import org.caseshare.sharing.SharingRecord;
import org.caseshare.system.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** "Carry out by email": make the encrypted attachment, send it from your own work email, release the password. */
@Controller
@RequestMapping("/sharing/{id}/email")
class EmailPageController {

    private final EmailChannel email;
    private final Checklist checklist;

    EmailPageController(EmailChannel email, Checklist checklist) {
        this.email = email;
        this.checklist = checklist;
    }

    @GetMapping
    String page(Actor actor, @PathVariable UUID id, Model model) {
        SharingRecord record = email.record(actor, id);
        return page(actor, record, model, record.content().recipient().email(), null, FormErrors.none(), FormErrors.none());
    }

    @PostMapping
    String build(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String recipientEmail,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, @RequestParam(defaultValue = "false") boolean summary,
            @RequestParam(defaultValue = "") String passwordRoute, Model model) {
        try {
            EmailChannel.Built built = email.build(actor, id, recipientEmail, uploads(files), summary, passwordRoute);
            try {
                // Shown this once, on this page only: never stored in clear, never in the session.
                model.addAttribute("password", new String(built.password()));
            } finally {
                Arrays.fill(built.password(), '\0');
            }
            model.addAttribute("built", built);
            return page(actor, email.record(actor, id), model, recipientEmail, passwordRoute, FormErrors.none(), FormErrors.none());
        } catch (ChannelInputException e) {
            return page(actor, email.record(actor, id), model, recipientEmail, passwordRoute, Forms.errors(e), FormErrors.none());
        }
    }

    @GetMapping("/attachment")
    void download(Actor actor, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        EmailChannel.Attachment attachment = email.attachment(actor.organisationId(), id)
                .orElseThrow(() -> new org.caseshare.system.NotFoundException("Attachment"));
        Forms.download(response, "application/zip", attachment.fileName());
        email.download(actor, id, response.getOutputStream());
    }

    @PostMapping("/sent")
    String sent(Actor actor, @PathVariable UUID id, @RequestParam(name = "safeguard", required = false) List<String> safeguards,
            @RequestParam(defaultValue = "false") boolean passwordTelephoned, Model model) {
        try {
            email.sent(actor, id, safeguards == null ? List.of() : safeguards, passwordTelephoned);
            return "redirect:/sharing/" + id + "/email";
        } catch (ChannelInputException e) {
            SharingRecord record = email.record(actor, id);
            return page(actor, record, model, record.content().recipient().email(), null, FormErrors.none(), Forms.errors(e));
        } catch (org.caseshare.sharing.SharingRefusedException e) {
            SharingRecord record = email.record(actor, id);
            return page(actor, record, model, record.content().recipient().email(), null, FormErrors.none(),
                    FormErrors.none().add("safeguards", ChannelRefusedException.textOf(e)));
        }
    }

    @PostMapping("/release-password")
    String release(Actor actor, @PathVariable UUID id) {
        email.releaseAfterReceipt(actor, id);
        return "redirect:/sharing/" + id + "/email";
    }

    private String page(Actor actor, SharingRecord record, Model model, String address, String route, FormErrors errors, FormErrors sentErrors) {
        model.addAttribute("record", record);
        model.addAttribute("reference", Checklist.reference(record.id()));
        model.addAttribute("recipientEmail", address == null ? "" : address);
        model.addAttribute("passwordRoute", route == null ? "" : route);
        model.addAttribute("check", email.check(actor, address).orElse(null));
        model.addAttribute("attachment", email.attachment(actor.organisationId(), record.id()).orElse(null));
        model.addAttribute("remaining", checklist.remaining(record, withPasswordRoute()));
        model.addAttribute("maxSize", EmailChannel.megabytes(email.maxBytes()));
        model.addAttribute("errors", errors);
        model.addAttribute("sentErrors", sentErrors);
        model.addAttribute("subject", EmailChannel.SUBJECT);
        return "channels/email";
    }

    private static List<String> withPasswordRoute() {
        List<String> confirmed = new ArrayList<>(EmailChannel.BUILD_SAFEGUARDS);
        confirmed.add("email.password-separately");
        return confirmed;
    }

    static List<EmailChannel.Upload> uploads(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream().filter(f -> !f.isEmpty())
                .map(f -> new EmailChannel.Upload(f.getOriginalFilename(), f.getSize(), f::getInputStream)).toList();
    }
}
