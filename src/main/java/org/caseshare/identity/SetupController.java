package org.caseshare.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.caseshare.directory.DuplicateOrganisationException;
import org.caseshare.directory.OrganisationKind;
import org.caseshare.system.FormErrors;
import org.caseshare.system.NotFoundException;
import org.caseshare.system.Text;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** First-run setup through the one-time link printed on the console. */
@Controller
class SetupController {

    private static final String[] FIELDS = {"organisationName", "kind", "name", "email", "password", "confirmPassword"};

    private final FirstRunSetup setup;
    private final Members members;

    SetupController(FirstRunSetup setup, Members members) {
        this.setup = setup;
        this.members = members;
    }

    record SetupForm(@NotBlank(message = "{identity.error.organisation-name}") @Size(max = 200, message = "{identity.error.organisation-name-long}") String organisationName,
            @NotNull(message = "{identity.error.organisation-kind}") OrganisationKind kind,
            @NotBlank(message = "{identity.error.full-name}") @Size(max = 200, message = "{identity.error.full-name-long}") String name,
            @NotBlank(message = "{identity.error.your-email}") String email,
            String password, String confirmPassword) {
    }

    @GetMapping("/setup/{token}")
    String form(@PathVariable String token, Model model) {
        requireOpen(token);
        model.addAttribute("form", new SetupForm("", null, "", "", "", ""));
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("token", token);
        return "identity/setup";
    }

    @PostMapping("/setup/{token}")
    String submit(@PathVariable String token, @Valid @ModelAttribute("form") SetupForm form, BindingResult binding, Model model) {
        requireOpen(token);
        FormErrors errors = FormErrors.of(binding, FIELDS);
        if (!errors.has("email") && !EmailAddress.valid(form.email())) {
            errors.addCode("email", "identity.error.email-format");
        }
        Text passwordProblem = PasswordRules.problemText(form.password(), form.email(), form.name());
        if (passwordProblem != null) {
            errors.add("password", passwordProblem);
        } else if (!form.password().equals(form.confirmPassword())) {
            errors.addCode("confirmPassword", "identity.error.passwords-differ");
        }
        if (errors.isEmpty()) {
            try {
                members.createFirstOrganisation(form.organisationName(), form.kind(), form.name(), form.email(), form.password());
                return "redirect:/login?joined";
            } catch (DuplicateOrganisationException e) {
                errors.add("organisationName", e.getMessage());
            } catch (SetupAlreadyDoneException e) {
                throw new NotFoundException("Setup link");
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("token", token);
        return "identity/setup";
    }

    private void requireOpen(String token) {
        if (!setup.open(token)) {
            throw new NotFoundException("Setup link");
        }
    }
}
