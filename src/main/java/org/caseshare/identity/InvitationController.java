package org.caseshare.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.caseshare.system.FormErrors;
import org.caseshare.system.Text;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The page behind an invitation link: the invitee chooses their name and password. */
@Controller
class InvitationController {

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    record AcceptForm(@NotBlank(message = "{identity.error.full-name}") @Size(max = 200, message = "{identity.error.full-name-long}") String name,
            String password, String confirmPassword) {
    }

    @GetMapping("/invitations/{token}")
    String form(@PathVariable String token, Model model, jakarta.servlet.http.HttpServletResponse response) {
        var invitation = invitations.findUsable(token);
        if (invitation.isEmpty()) {
            response.setStatus(HttpStatus.GONE.value());
            return "identity/invitation-unusable";
        }
        model.addAttribute("invitation", invitation.get());
        model.addAttribute("form", new AcceptForm("", "", ""));
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("token", token);
        return "identity/invitation";
    }

    @PostMapping("/invitations/{token}")
    String accept(@PathVariable String token, @Valid @ModelAttribute("form") AcceptForm form, BindingResult binding, Model model) {
        var invitation = invitations.findUsable(token);
        if (invitation.isEmpty()) {
            return "identity/invitation-unusable";
        }
        FormErrors errors = FormErrors.of(binding, "name", "password", "confirmPassword");
        Text passwordProblem = PasswordRules.problemText(form.password(), invitation.get().email(), form.name());
        if (passwordProblem != null) {
            errors.add("password", passwordProblem);
        } else if (!form.password().equals(form.confirmPassword())) {
            errors.addCode("confirmPassword", "identity.error.passwords-differ");
        }
        if (errors.isEmpty()) {
            try {
                invitations.accept(token, form.name(), form.password());
                return "redirect:/login?joined";
            } catch (InvitationNotUsableException e) {
                return "identity/invitation-unusable";
            } catch (IllegalArgumentException e) {
                errors.add("name", Refusal.textOf(e));
            }
        }
        model.addAttribute("invitation", invitation.get());
        model.addAttribute("errors", errors);
        model.addAttribute("token", token);
        return "identity/invitation";
    }
}
