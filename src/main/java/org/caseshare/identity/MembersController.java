package org.caseshare.identity;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.caseshare.directory.OrganisationLanguage;
import org.caseshare.system.Actor;
import org.caseshare.system.FormErrors;
import org.caseshare.system.Text;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation admin's pages: members, invitations, roles, disabling and second-factor resets. */
@Controller
@RequestMapping("/organisation/members")
class MembersController {

    private final Members members;
    private final Invitations invitations;
    private final Clock clock;

    MembersController(Members members, Invitations invitations, Clock clock) {
        this.members = members;
        this.invitations = invitations;
        this.clock = clock;
    }

    @GetMapping
    String list(Actor admin, Model model) {
        return listPage(admin, model, FormErrors.none(), "", "", invitations.ownLanguage(admin.organisationId()).code());
    }

    @PostMapping("/invitations")
    String invite(Actor admin, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String role, @RequestParam(required = false) String emailLanguage, Model model,
            RedirectAttributes redirect) {
        FormErrors errors = FormErrors.none();
        if (email.isBlank()) {
            errors.addCode("email", "identity.error.invite-email");
        } else if (!EmailAddress.valid(email)) {
            errors.addCode("email", "identity.error.email-format");
        }
        Role chosen = null;
        try {
            chosen = role.isBlank() ? null : Role.valueOf(role);
        } catch (IllegalArgumentException e) {
            chosen = null;
        }
        if (chosen == null) {
            errors.addCode("role", "identity.error.invite-role");
        }
        // The language of the email; a form without the choice (an older page) gets the organisation's own.
        OrganisationLanguage writtenIn = emailLanguage == null ? invitations.ownLanguage(admin.organisationId())
                : OrganisationLanguage.fromCode(emailLanguage).orElse(null);
        if (writtenIn == null) {
            errors.addCode("emailLanguage", "identity.error.invite-language");
        }
        if (errors.isEmpty()) {
            try {
                invitations.invite(admin.organisationId(), email, chosen, admin.accountId(), writtenIn);
                redirect.addFlashAttribute("notice", Text.of("identity.notice.invitation-sent"));
                return "redirect:/organisation/members";
            } catch (DuplicateAccountException e) {
                errors.add("email", e.text());
            }
        }
        return listPage(admin, model, errors, email, role, writtenIn == null ? "" : writtenIn.code());
    }

    @PostMapping("/invitations/{id}/withdraw")
    String withdraw(Actor admin, @PathVariable UUID id, RedirectAttributes redirect) {
        invitations.revoke(admin.organisationId(), id, admin.accountId());
        redirect.addFlashAttribute("notice", Text.of("identity.notice.invitation-withdrawn"));
        return "redirect:/organisation/members";
    }

    @GetMapping("/{id}")
    String member(Actor admin, @PathVariable UUID id, Model model) {
        model.addAttribute("member", members.get(admin.organisationId(), id));
        model.addAttribute("roles", Role.values());
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("self", admin.accountId().equals(id));
        return "identity/member";
    }

    @PostMapping("/{id}/roles")
    String roles(Actor admin, @PathVariable UUID id, @RequestParam(required = false) List<String> roles,
            Model model, RedirectAttributes redirect) {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        for (String role : roles == null ? List.<String>of() : roles) {
            try {
                chosen.add(Role.valueOf(role));
            } catch (IllegalArgumentException ignored) {
                // an unknown value from a tampered form is simply not a role
            }
        }
        try {
            members.changeRoles(admin.organisationId(), id, chosen, admin.accountId().toString());
        } catch (IllegalArgumentException e) {
            model.addAttribute("member", members.get(admin.organisationId(), id));
            model.addAttribute("roles", Role.values());
            model.addAttribute("errors", FormErrors.none().add("roles", Refusal.textOf(e)));
            model.addAttribute("self", admin.accountId().equals(id));
            return "identity/member";
        }
        redirect.addFlashAttribute("notice", Text.of("identity.notice.roles-changed"));
        return "redirect:/organisation/members/" + id;
    }

    @PostMapping("/{id}/disable")
    String disable(Actor admin, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            members.disable(admin.organisationId(), id, admin.accountId().toString());
            redirect.addFlashAttribute("notice", Text.of("identity.notice.account-disabled"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("notice", Refusal.textOf(e));
        }
        return "redirect:/organisation/members/" + id;
    }

    @PostMapping("/{id}/enable")
    String enable(Actor admin, @PathVariable UUID id, RedirectAttributes redirect) {
        members.enable(admin.organisationId(), id, admin.accountId().toString());
        redirect.addFlashAttribute("notice", Text.of("identity.notice.account-enabled"));
        return "redirect:/organisation/members/" + id;
    }

    @PostMapping("/{id}/reset-mfa")
    String resetMfa(Actor admin, @PathVariable UUID id, RedirectAttributes redirect) {
        members.resetSecondFactor(admin.organisationId(), id, admin.accountId().toString());
        redirect.addFlashAttribute("notice", Text.of("identity.notice.second-factor-reset"));
        return "redirect:/organisation/members/" + id;
    }

    private String listPage(Actor admin, Model model, FormErrors errors, String email, String role, String emailLanguage) {
        model.addAttribute("members", members.list(admin.organisationId()));
        model.addAttribute("invitations", invitations.list(admin.organisationId()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("errors", errors);
        model.addAttribute("email", email);
        model.addAttribute("role", role);
        model.addAttribute("emailLanguages", OrganisationLanguage.values());
        model.addAttribute("emailLanguage", emailLanguage);
        model.addAttribute("now", clock.instant());
        return "identity/members";
    }
}
