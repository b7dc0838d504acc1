package org.caseshare.mail;

import org.caseshare.system.Actor;
import org.caseshare.system.Text;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The system administrator's list of email not yet delivered, with the reason and a retry button. */
@Controller
class MailFailuresController {

    private final FailedMail failedMail;
    private final Mailer mailer;

    MailFailuresController(FailedMail failedMail, Mailer mailer) {
        this.failedMail = failedMail;
        this.mailer = mailer;
    }

    @GetMapping("/system/mail")
    String list(Model model) {
        model.addAttribute("failures", failedMail.list());
        model.addAttribute("smtp", mailer.usesSmtp());
        return "mail/failures";
    }

    @PostMapping("/system/mail/{id}/retry")
    String retry(@PathVariable String id, Actor caller, RedirectAttributes redirect) {
        failedMail.retry(caller, id);
        redirect.addFlashAttribute("notice", Text.of("mail.failures.notice.retry"));
        return "redirect:/system/mail";
    }
}
