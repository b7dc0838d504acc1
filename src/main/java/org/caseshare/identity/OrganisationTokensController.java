package org.caseshare.identity;

import java.time.Clock;
import java.util.UUID;

import org.caseshare.system.Actor;
import org.caseshare.system.Catalogue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation admin's page of its members' API tokens (never their secrets), with revoke. */
@Controller
@RequestMapping("/organisation/tokens")
class OrganisationTokensController {

    private final ApiTokens tokens;
    private final Clock clock;

    OrganisationTokensController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping
    String list(Actor admin, Model model) {
        model.addAttribute("tokens", tokens.listForOrganisation(admin.organisationId()));
        model.addAttribute("now", clock.instant());
        return "identity/organisation-tokens";
    }

    @PostMapping("/{id}/revoke")
    String revoke(Actor admin, @PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revokeInOrganisation(admin.organisationId(), id, admin.accountId());
        redirect.addFlashAttribute("notice", Catalogue.text("identity.notice.token-revoked"));
        return "redirect:/organisation/tokens";
    }
}
