package org.caseshare.channels;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.caseshare.document.LabelFormat;
import org.caseshare.document.TextDoesNotFitException;
import org.caseshare.document.UnprintableCharacterException;
import org.caseshare.system.Actor;
import org.caseshare.sharing.SharingRecord;
import org.caseshare.sharing.SharingRefusedException;
import org.caseshare.system.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Carry out by post": the labels for the double envelope, then the posting reference. */
@Controller
@RequestMapping("/sharing/{id}/post")
class PostPageController {

    private final PostChannel post;
    private final Checklist checklist;

    PostPageController(PostChannel post, Checklist checklist) {
        this.post = post;
        this.checklist = checklist;
    }

    @GetMapping
    String page(Actor actor, @PathVariable UUID id, Model model) {
        SharingRecord record = post.record(actor, id);
        return page(actor, record, post.draft(actor, record), model, FormErrors.none(), FormErrors.none(), "");
    }

    @PostMapping
    String save(Actor actor, @PathVariable UUID id, @ModelAttribute PostChannel.Labels labels, Model model) {
        try {
            post.save(actor, id, labels);
            return "redirect:/sharing/" + id + "/post#labels";
        } catch (ChannelInputException e) {
            return page(actor, post.record(actor, id), labels, model, Forms.errors(e), FormErrors.none(), "");
        }
    }

    @GetMapping("/labels.pdf")
    String labels(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "A4_SHEET") LabelFormat format,
            HttpServletResponse response, Model model) throws IOException {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            post.labels(actor, id, format, pdf);
        } catch (TextDoesNotFitException e) {
            SharingRecord record = post.record(actor, id);
            return page(actor, record, post.draft(actor, record), model, FormErrors.none().add("address",
                    "The address is too long for " + format.description() + " labels: choose a larger label or plain A4"), FormErrors.none(), "");
        } catch (UnprintableCharacterException e) {
            SharingRecord record = post.record(actor, id);
            return page(actor, record, post.draft(actor, record), model, FormErrors.none().add("recipientName", e.getMessage()),
                    FormErrors.none(), "");
        }
        Forms.download(response, "application/pdf", "labels-" + format.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".pdf");
        response.getOutputStream().write(pdf.toByteArray());
        return null;
    }

    @PostMapping("/sent")
    String sent(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String trackingReference,
            @RequestParam(name = "safeguard", required = false) List<String> safeguards, Model model) {
        try {
            post.sent(actor, id, trackingReference, safeguards == null ? List.of() : safeguards);
            return "redirect:/sharing/" + id + "/post";
        } catch (ChannelInputException e) {
            SharingRecord record = post.record(actor, id);
            return page(actor, record, post.draft(actor, record), model, FormErrors.none(), Forms.errors(e), trackingReference);
        } catch (SharingRefusedException e) {
            SharingRecord record = post.record(actor, id);
            return page(actor, record, post.draft(actor, record), model, FormErrors.none(), FormErrors.none().add("safeguards", ChannelRefusedException.textOf(e)),
                    trackingReference);
        }
    }

    private String page(Actor actor, SharingRecord record, PostChannel.Labels labels, Model model, FormErrors errors, FormErrors sentErrors,
            String trackingReference) {
        model.addAttribute("record", record);
        model.addAttribute("reference", Checklist.reference(record.id()));
        model.addAttribute("labels", labels);
        model.addAttribute("dispatch", post.dispatch(actor.organisationId(), record.id()).orElse(null));
        model.addAttribute("formats", LabelFormat.values());
        model.addAttribute("remaining", checklist.remaining(record, PostChannel.LABEL_SAFEGUARDS));
        model.addAttribute("errors", errors);
        model.addAttribute("sentErrors", sentErrors);
        model.addAttribute("trackingReference", trackingReference);
        return "channels/post";
    }
}
