package org.caseshare.identity;

import java.time.Clock;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.caseshare.system.Actor;
import org.caseshare.system.Catalogue;
import org.caseshare.system.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own account: personal access tokens and signing out everywhere. */
@Controller
class AccountController {

    private final Members members;
    private final ApiTokens tokens;
    private final Passkeys passkeys;
    private final Clock clock;

    AccountController(Members members, ApiTokens tokens, Passkeys passkeys, Clock clock) {
        this.members = members;
        this.tokens = tokens;
        this.passkeys = passkeys;
        this.clock = clock;
    }

    @GetMapping("/account")
    String account(Actor user, Model model) {
        return page(user, model, FormErrors.none(), "", Integer.toString(ApiTokens.DEFAULT_DAYS));
    }

    @PostMapping("/account/tokens")
    String createToken(Actor user, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String expiresInDays, Model model) {
        String days = expiresInDays.isBlank() ? Integer.toString(ApiTokens.DEFAULT_DAYS) : expiresInDays.strip();
        int chosen;
        try {
            chosen = Integer.parseInt(days);
        } catch (NumberFormatException e) {
            chosen = -1;
        }
        if (chosen < 1 || chosen > ApiTokens.MAX_DAYS) {
            return page(user, model, FormErrors.none().addCode("expiresInDays", "identity.error.token-days", ApiTokens.MAX_DAYS), name, days);
        }
        try {
            ApiTokens.CreatedToken created = tokens.create(user.accountId(), name, chosen, user.accountId().toString());
            model.addAttribute("createdSecret", created.secret());
            return page(user, model, FormErrors.none(), "", Integer.toString(ApiTokens.DEFAULT_DAYS));
        } catch (IllegalArgumentException e) {
            return page(user, model, FormErrors.none().add("name", Refusal.textOf(e)), name, days);
        }
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(Actor user, @PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(user.accountId(), id);
        redirect.addFlashAttribute("notice", Catalogue.text("identity.notice.token-revoked"));
        return "redirect:/account";
    }

    @PostMapping("/account/passkeys/remove")
    String removePasskey(Actor user, @RequestParam String credentialId, RedirectAttributes redirect) {
        passkeys.remove(user.accountId(), user.organisationId(), credentialId);
        redirect.addFlashAttribute("notice", Catalogue.text("identity.notice.passkey-removed"));
        return "redirect:/account";
    }

    @PostMapping("/account/sign-out-everywhere")
    String signOutEverywhere(Actor user, HttpServletRequest request) {
        members.signOutEverywhere(user.organisationId(), user.accountId());
        var session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyGone) {
                // deleted with the others
            }
        }
        return "redirect:/login?signedout";
    }

    private String page(Actor user, Model model, FormErrors errors, String name, String expiresInDays) {
        model.addAttribute("account", members.findById(user.accountId()).orElseThrow());
        model.addAttribute("tokens", tokens.list(user.accountId()));
        model.addAttribute("passkeys", passkeys.list(user.accountId()));
        model.addAttribute("errors", errors);
        model.addAttribute("name", name);
        model.addAttribute("expiresInDays", expiresInDays);
        model.addAttribute("now", clock.instant());
        return "identity/account";
    }
}
