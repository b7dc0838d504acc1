package org.caseshare.scim;

import java.time.Clock;
import java.util.UUID;

import org.caseshare.system.Actor;
import org.caseshare.system.FormErrors;
import org.caseshare.system.Text;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisation admin's SCIM page: the base URL to paste into Entra ID or Google, the tokens
 * (never their secrets), a new token shown once, and revoke. Only organisation admins reach
 * /organisation/** (the page filter chain); every query is scoped to the admin's organisation.
 */
@Controller
@RequestMapping("/organisation/scim")
class ScimTokensController {

    private final ScimTokens tokens;
    private final ScimResources resources;
    private final Clock clock;

    ScimTokensController(ScimTokens tokens, ScimResources resources, Clock clock) {
        this.tokens = tokens;
        this.resources = resources;
        this.clock = clock;
    }

    @GetMapping
    String page(Actor admin, Model model) {
        return page(admin, model, ScimTokenForm.blank(), FormErrors.none());
    }

    @PostMapping("/tokens")
    String create(Actor admin, @ModelAttribute ScimTokenForm form, Model model) {
        int days = form.days();
        if (days < 1 || days > ScimTokens.MAX_DAYS) {
            return page(admin, model, form, FormErrors.none().addCode("expiresInDays", "scim.error.days", String.valueOf(ScimTokens.MAX_DAYS)));
        }
        try {
            ScimTokens.CreatedToken created = tokens.create(admin.organisationId(), form.name(), days, admin.accountId());
            // Shown on this answer only, never put in the session or a redirect.
            model.addAttribute("createdSecret", created.secret());
            return page(admin, model, ScimTokenForm.blank(), FormErrors.none());
        } catch (IllegalArgumentException e) {
            return page(admin, model, form, FormErrors.none().add("name", e.getMessage()));
        }
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(Actor admin, @PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(admin.organisationId(), id, admin.accountId());
        redirect.addFlashAttribute("notice", Text.of("scim.notice.revoked"));
        return "redirect:/organisation/scim";
    }

    private String page(Actor admin, Model model, ScimTokenForm form, FormErrors errors) {
        model.addAttribute("scimUrl", resources.base());
        model.addAttribute("tokens", tokens.list(admin.organisationId()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("now", clock.instant());
        return "scim/tokens";
    }
}
