package org.caseshare.channels;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The recipient's single-use link to confirm receipt of an encrypted attachment. Public (they have
 * no account), so it shows nothing about anyone: the innocuous file name and reference only. Opening
 * the link changes nothing — mail scanners follow links — only the button does.
 */
@Controller
@RequestMapping("/receipts/{token}")
class ReceiptController {

    private final EmailChannel email;

    ReceiptController(EmailChannel email) {
        this.email = email;
    }

    @GetMapping
    String page(@PathVariable String token, Model model) {
        var receipt = email.receipt(token);
        model.addAttribute("receipt", receipt.orElse(null));
        model.addAttribute("reference", receipt.map(r -> Checklist.reference(r.recordId())).orElse(null));
        model.addAttribute("confirmed", false);
        model.addAttribute("token", token);
        return "channels/receipt";
    }

    @PostMapping
    String confirm(@PathVariable String token, Model model) {
        var receipt = email.receipt(token);
        boolean confirmed = email.confirmReceipt(token);
        model.addAttribute("receipt", receipt.orElse(null));
        model.addAttribute("reference", receipt.map(r -> Checklist.reference(r.recordId())).orElse(null));
        model.addAttribute("confirmed", confirmed);
        model.addAttribute("token", token);
        return "channels/receipt";
    }
}
