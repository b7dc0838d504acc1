package org.caseshare.identity;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.crypto.Tokens;
import org.caseshare.system.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgot your password?": ask for a link by email, then choose a new password from it. The answer
 * to a request is the same page whether or not the address has an account.
 */
@Controller
class PasswordResetController {

    private final PasswordResets resets;
    private final SignInAttempts attempts;
    private final AuditTrail audit;
    private final SignInAttempts.Allowance perAddress;
    private final SignInAttempts.Allowance perEmail;

    PasswordResetController(PasswordResets resets, SignInAttempts attempts, AuditTrail audit, PasswordResetProperties properties) {
        this.resets = resets;
        this.attempts = attempts;
        this.audit = audit;
        this.perAddress = new SignInAttempts.Allowance(properties.perAddress(), properties.window(), true);
        this.perEmail = new SignInAttempts.Allowance(properties.perEmail(), properties.window(), true);
    }

    @GetMapping("/password/reset")
    String requestForm(Model model) {
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("email", "");
        return "identity/password-reset-request";
    }

    @PostMapping("/password/reset")
    String request(@RequestParam(defaultValue = "") String email, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (email.isBlank()) {
            model.addAttribute("errors", FormErrors.none().addCode("email", "identity.error.your-email"));
            model.addAttribute("email", "");
            return "identity/password-reset-request";
        }
        if (attempts.take("reset-address:" + request.getRemoteAddr(), perAddress) > 0) {
            audit.record(new AuditEvent("password.reset-throttled", "anonymous", null, "password-reset", AuditEvent.Outcome.DENIED,
                    Map.of("via", "reset-link", "limit", "address")));
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("errors", FormErrors.none().addCode("email", "identity.error.too-many-links"));
            model.addAttribute("email", email);
            return "identity/password-reset-request";
        }
        // Past its allowance an address is answered the same, but sent nothing more: nobody's inbox is flooded.
        if (attempts.take("reset-email:" + Tokens.sha256Hex(SignInNames.fold(email)), perEmail) == 0) {
            resets.request(email);
        }
        model.addAttribute("email", email.strip());
        return "identity/password-reset-sent";
    }

    @GetMapping("/password/reset/{token}")
    String resetForm(@PathVariable String token, Model model, HttpServletResponse response) {
        if (resets.usable(token).isEmpty()) {
            return unusable(response);
        }
        return form(token, model, FormErrors.none());
    }

    @PostMapping("/password/reset/{token}")
    String reset(@PathVariable String token, @RequestParam(defaultValue = "") String newPassword, Model model,
            HttpServletResponse response) {
        PasswordResets.Outcome outcome = resets.reset(token, newPassword);
        if (outcome.linkUnusable()) {
            return unusable(response);
        }
        if (!outcome.done()) {
            return form(token, model, FormErrors.none().add("newPassword", outcome.problem()));
        }
        return "identity/password-reset-done";
    }

    private static String form(String token, Model model, FormErrors errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("action", "/password/reset/" + token);
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        return "identity/password-reset";
    }

    /** Unknown, used, superseded and expired links all get this one page. */
    private static String unusable(HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        return "identity/password-reset-unusable";
    }
}
