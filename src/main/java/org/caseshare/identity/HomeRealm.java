package org.caseshare.identity;

import java.util.Optional;
import java.util.UUID;

import org.caseshare.system.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Home realm discovery: the sign-in page asks for the email address first. An address in a domain
 * that an organisation signs in through its own provider is sent on to it; every other address, known or
 * not, gets the password step, so the page cannot tell anyone who has an account.
 */
@Controller
class HomeRealm {

    private final SsoProviders providers;

    HomeRealm(SsoProviders providers) {
        this.providers = providers;
    }

    @PostMapping("/login/realm")
    String realm(@RequestParam(defaultValue = "") String email, Model model) {
        if (!EmailAddress.valid(email)) {
            model.addAttribute("errors", FormErrors.none().addCode("email", email.isBlank() ? "identity.error.your-email"
                    : "identity.error.email-format"));
            model.addAttribute("email", email);
            return "identity/login";
        }
        String normalised = EmailAddress.normalise(email);
        Optional<UUID> organisation = providers.domainOwner(normalised.substring(normalised.indexOf('@') + 1));
        if (organisation.isPresent()) {
            // A link, not a redirect: the sign-in page's CSP (form-action 'self') rightly stops a form's
            // redirect chain from leaving for another origin, and a link works without JavaScript.
            model.addAttribute("providerUrl", SsoAvailabilityFilter.START_PREFIX + organisation.get());
            return "identity/sso-continue";
        }
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("email", normalised);
        model.addAttribute("passwordStep", true);
        return "identity/login";
    }
}
