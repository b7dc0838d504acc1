package org.caseshare.channels;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.caseshare.document.ReceivingFaxChecklist;
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
import org.springframework.web.bind.annotation.RequestParam;

/** "Carry out by fax": the pre-send checklist, the cover sheet, the transmission report; and the receiving-fax list. */
@Controller
class FaxPageController {

    private final FaxChannel fax;
    private final Checklist checklist;

    FaxPageController(FaxChannel fax, Checklist checklist) {
        this.fax = fax;
        this.checklist = checklist;
    }

    @GetMapping("/sharing/{id}/fax")
    String page(Actor actor, @PathVariable UUID id, Model model) {
        SharingRecord record = fax.record(actor, id);
        var t = fax.transmission(actor.organisationId(), id);
        return page(actor, record, new FaxChannel.PreSend(t.isPresent() && t.get().numberSource().equals("TYPED") ? FaxChannel.TYPED : "", "", "",
                t.map(x -> Integer.toString(x.pagesIncludingCover() - 1)).orElse(""), t.map(FaxChannel.Transmission::originatorTelephone).orElse(""),
                false, false, false), model, FormErrors.none(), FormErrors.none());
    }

    @PostMapping("/sharing/{id}/fax")
    String preSend(Actor actor, @PathVariable UUID id, @ModelAttribute FaxChannel.PreSend form, Model model) {
        try {
            fax.preSend(actor, id, form);
            return "redirect:/sharing/" + id + "/fax#cover-sheet";
        } catch (ChannelInputException e) {
            return page(actor, fax.record(actor, id), form, model, Forms.errors(e), FormErrors.none());
        }
    }

    @GetMapping("/sharing/{id}/fax/cover-sheet.pdf")
    String coverSheet(Actor actor, @PathVariable UUID id, HttpServletResponse response, Model model) throws IOException {
        SharingRecord record = fax.record(actor, id);
        fax.transmission(actor.organisationId(), id).orElseThrow(() -> new org.caseshare.system.NotFoundException("Fax"));
        // Made in full before anything is sent, so a refused sheet becomes the page's error, not half a download.
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            fax.coverSheet(actor, id, pdf);
        } catch (UnprintableCharacterException e) {
            FaxChannel.PreSend blank = new FaxChannel.PreSend("", "", "", "", "", false, false, false);
            return page(actor, record, blank, model, FormErrors.none().add("coverSheet", e.getMessage()), FormErrors.none());
        }
        Forms.download(response, "application/pdf", "fax-cover-sheet-" + Checklist.reference(id).toLowerCase(java.util.Locale.ROOT) + ".pdf");
        response.getOutputStream().write(pdf.toByteArray());
        return null;
    }

    @PostMapping("/sharing/{id}/fax/sent")
    String sent(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "false") boolean reportConfirmed,
            @RequestParam(name = "safeguard", required = false) List<String> safeguards, Model model) {
        FaxChannel.PreSend blank = new FaxChannel.PreSend("", "", "", "", "", false, false, false);
        try {
            fax.sent(actor, id, reportConfirmed, safeguards == null ? List.of() : safeguards);
            return "redirect:/sharing/" + id + "/fax";
        } catch (ChannelInputException e) {
            return page(actor, fax.record(actor, id), blank, model, FormErrors.none(), Forms.errors(e));
        } catch (SharingRefusedException e) {
            return page(actor, fax.record(actor, id), blank, model, FormErrors.none(), FormErrors.none().add("safeguards", ChannelRefusedException.textOf(e)));
        }
    }

    /** For organisations that still receive faxes: the guide's receiving safeguards, to print and keep by the machine. */
    @GetMapping("/sharing/receiving-fax")
    String receiving(Model model) {
        model.addAttribute("title", ReceivingFaxChecklist.TITLE);
        model.addAttribute("safeguards", ReceivingFaxChecklist.SAFEGUARDS);
        model.addAttribute("acknowledge", ReceivingFaxChecklist.ACKNOWLEDGE);
        return "channels/receiving-fax";
    }

    @GetMapping("/sharing/receiving-fax.pdf")
    void receivingPdf(HttpServletResponse response) throws IOException {
        Forms.download(response, "application/pdf", "receiving-fax-checklist.pdf");
        ReceivingFaxChecklist.render(response.getOutputStream());
    }

    private String page(Actor actor, SharingRecord record, FaxChannel.PreSend form, Model model, FormErrors errors, FormErrors sentErrors) {
        model.addAttribute("record", record);
        model.addAttribute("reference", Checklist.reference(record.id()));
        model.addAttribute("form", form);
        model.addAttribute("numbers", fax.directoryNumbers(actor, record));
        model.addAttribute("transmission", fax.transmission(actor.organisationId(), record.id()).orElse(null));
        List<String> byThePage = new java.util.ArrayList<>(FaxChannel.PRE_SEND_SAFEGUARDS);
        byThePage.add("fax.transmission-report");
        model.addAttribute("remaining", checklist.remaining(record, byThePage));
        model.addAttribute("errors", errors);
        model.addAttribute("sentErrors", sentErrors);
        return "channels/fax";
    }
}
