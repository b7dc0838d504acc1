package org.caseshare.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.caseshare.system.Catalogue;
import org.caseshare.system.FormErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /account/password: a signed-in person changes their own password. */
@Controller
class PasswordController {

    /** The password change form; nothing typed is ever shown back. */
    record PasswordChangeForm(String currentPassword, String newPassword) {
    }

    private final PasswordChange change;
    private final PasswordStates states;

    PasswordController(PasswordChange change, PasswordStates states) {
        this.change = change;
        this.states = states;
    }

    @GetMapping("/account/password")
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        return page(user, model, FormErrors.none());
    }

    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal CurrentUser user, PasswordChangeForm form, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        PasswordChange.Outcome outcome = change.change(user.accountId(), form.currentPassword(), form.newPassword(),
                request.getSession().getId());
        if (!"currentPassword".equals(outcome.field())) {
            // Only a wrong current password counts against the sign-in throttle, not a new one that is refused.
            LoginThrottle.succeeded(request);
        }
        if (!outcome.done()) {
            return page(user, model, FormErrors.none().add(outcome.field(), outcome.message()));
        }
        redirect.addFlashAttribute("notice", Catalogue.text("identity.notice.password-changed"));
        return "redirect:/account";
    }

    private String page(CurrentUser user, Model model, FormErrors errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("mustChange", states.mustChange(user.accountId()));
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        return "identity/password-change";
    }
}
