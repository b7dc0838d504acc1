package org.caseshare.mail;

import org.caseshare.system.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The system administrator's view of emails filed in the outbox while no SMTP server is configured. */
@Controller
class OutboxController {

    private final Outbox outbox;
    private final Mailer mailer;

    OutboxController(Outbox outbox, Mailer mailer) {
        this.outbox = outbox;
        this.mailer = mailer;
    }

    @GetMapping("/system/outbox")
    String list(Model model) {
        model.addAttribute("messages", outbox.list());
        model.addAttribute("smtp", mailer.usesSmtp());
        return "mail/outbox";
    }

    @GetMapping("/system/outbox/{id}")
    String show(@PathVariable String id, Model model) {
        model.addAttribute("message", outbox.find(id).orElseThrow(() -> new NotFoundException("Email")));
        return "mail/message";
    }
}
