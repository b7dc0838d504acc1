package org.caseshare.identity;

import jakarta.servlet.http.HttpServletResponse;
import org.caseshare.system.Actor;
import org.caseshare.system.Catalogue;
import org.caseshare.system.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation admin's single sign-on page, and the page shown when a provider cannot be reached. */
@Controller
class SsoPages {

    static final String UNAVAILABLE = "/sso/unavailable";

    private final SsoSettings settings;
    private final String baseUrl;

    SsoPages(SsoSettings settings, @org.springframework.beans.factory.annotation.Value("${caseshare.base-url}") String baseUrl) {
        this.settings = settings;
        this.baseUrl = baseUrl;
    }

    @GetMapping(UNAVAILABLE)
    String unavailable(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        return "identity/sso-unavailable";
    }

    @GetMapping("/organisation/sso")
    String form(Actor admin, Model model) {
        var provider = settings.find(admin.organisationId());
        return page(admin, model, provider.map(SsoSettingsForm::of).orElse(SsoSettingsForm.empty()), provider.isPresent(), FormErrors.none());
    }

    @PostMapping("/organisation/sso")
    String save(Actor admin, @ModelAttribute SsoSettingsForm form, Model model, RedirectAttributes redirect) {
        try {
            settings.configure(admin.organisationId(), form, admin.accountId());
        } catch (SsoSettingsInvalidException e) {
            FormErrors errors = FormErrors.none();
            e.texts().forEach(errors::add);
            // The secret is never sent back into the form, even the one just typed.
            SsoSettingsForm again = new SsoSettingsForm(form.issuer(), form.clientId(), "", form.domains(), form.roleClaim(),
                    form.roleMappings(), form.defaultRole(), form.mfaAcrValues(), form.requireOwnSecondFactor());
            return page(admin, model, again, settings.find(admin.organisationId()).isPresent(), errors);
        }
        redirect.addFlashAttribute("notice", Catalogue.text("identity.notice.sso-saved"));
        return "redirect:/organisation/sso";
    }

    private String page(Actor admin, Model model, SsoSettingsForm form, boolean configured, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("configured", configured);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", Role.values());
        model.addAttribute("redirectUri", baseUrl + SsoSignIn.CALLBACK_PREFIX + admin.organisationId());
        model.addAttribute("logoutUri", baseUrl + "/sso/" + admin.organisationId() + "/back-channel-logout");
        return "identity/organisation-sso";
    }
}
