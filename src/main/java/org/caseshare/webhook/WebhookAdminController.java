package org.caseshare.webhook;

import java.util.Arrays;
import java.util.List;
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
 * The organisation admin's webhook pages ({@code /organisation/**} is admin-only in the security
 * chain; the services check the role again). The secret is shown on the page that answers the form,
 * not after a redirect, so it never sits in the session's flash attributes.
 */
@Controller
@RequestMapping("/organisation/webhooks")
class WebhookAdminController {

    private static final String BASE = "/organisation/webhooks";

    private final WebhookEndpoints endpoints;
    private final Deliveries deliveries;
    private final TargetGuard guard;

    WebhookAdminController(WebhookEndpoints endpoints, Deliveries deliveries, TargetGuard guard) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.guard = guard;
    }

    /** What the add-endpoint form carries. */
    record EndpointForm(String url, String description, List<String> events) {
        static EndpointForm empty() {
            return new EndpointForm("", "", List.of());
        }

        public boolean selected(String type) {
            return events != null && events.contains(type);
        }
    }

    @GetMapping
    String list(Actor admin, Model model) {
        model.addAttribute("endpoints", endpoints.list(admin));
        return "webhook/endpoints";
    }

    @GetMapping("/new")
    String newEndpoint(Model model) {
        return form(model, EndpointForm.empty(), FormErrors.none());
    }

    @PostMapping
    String register(Actor admin, @ModelAttribute EndpointForm form, Model model) {
        try {
            WebhookEndpoints.Registered registered = endpoints.register(admin, form.url(), form.description(), form.events());
            model.addAttribute("endpoint", registered.endpoint());
            model.addAttribute("secret", registered.secret());
            return "webhook/created";
        } catch (InvalidEndpointException e) {
            FormErrors errors = FormErrors.none();
            e.errors().forEach(errors::add);
            return form(model, form, errors);
        }
    }

    @PostMapping("/{id}/remove")
    String remove(Actor admin, @PathVariable UUID id, RedirectAttributes redirect) {
        endpoints.remove(admin, id);
        redirect.addFlashAttribute("notice", Text.of("webhook.notice.removed"));
        return "redirect:" + BASE;
    }

    @GetMapping("/deliveries")
    String deliveries(Actor admin, Model model) {
        model.addAttribute("deliveries", deliveries.latest(admin, 200));
        return "webhook/deliveries";
    }

    @PostMapping("/deliveries/{id}/retry")
    String retry(Actor admin, @PathVariable UUID id, RedirectAttributes redirect) {
        deliveries.retry(admin, id);
        redirect.addFlashAttribute("notice", Text.of("webhook.notice.retry"));
        return "redirect:" + BASE + "/deliveries";
    }

    private String form(Model model, EndpointForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("eventTypes", Arrays.asList(EventType.values()));
        model.addAttribute("httpAllowed", guard.allowsPrivate());
        return "webhook/new";
    }
}
