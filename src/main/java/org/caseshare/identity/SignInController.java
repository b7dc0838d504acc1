package org.caseshare.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.caseshare.system.FormErrors;
import org.caseshare.system.SignInMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in: the password page, then the second factor (enrolment the first time). */
@Controller
class SignInController {

    private final Members members;
    private final SecondFactor secondFactor;
    private final SignInCompletion completion;

    SignInController(Members members, SecondFactor secondFactor, SignInCompletion completion) {
        this.members = members;
        this.secondFactor = secondFactor;
        this.completion = completion;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        FormErrors errors = FormErrors.none();
        if (flag(request, "error")) {
            errors.addCode("email", "identity.error.sign-in");
        }
        if (flag(request, "sso-failed")) {
            errors.addCode("email", "identity.error.sso-failed");
        }
        if (flag(request, "sso-refused")) {
            errors.addCode("email", "identity.error.sso-refused");
        }
        model.addAttribute("errors", errors);
        model.addAttribute("signedOut", flag(request, "signedout"));
        model.addAttribute("ended", flag(request, "ended"));
        model.addAttribute("joined", flag(request, "joined"));
        return "identity/login";
    }

    /** A bare query flag such as {@code /login?error}. */
    private static boolean flag(HttpServletRequest request, String name) {
        String query = request.getQueryString();
        return request.getParameterMap().containsKey(name)
                || (query != null && java.util.Arrays.asList(query.split("&")).contains(name));
    }

    @GetMapping("/mfa")
    String code(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (!user.totpEnabled()) {
            return "redirect:/mfa/enrol";
        }
        model.addAttribute("errors", FormErrors.none());
        return "identity/mfa";
    }

    @PostMapping("/mfa")
    String checkCode(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String code, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Account account = members.findById(user.accountId()).filter(Account::active).orElseThrow();
        if (!account.totpEnabled()) {
            return "redirect:/mfa/enrol";
        }
        if (!secondFactor.verify(account, code)) {
            model.addAttribute("errors", FormErrors.none().addCode("code", code.isBlank()
                    ? "identity.error.code"
                    : "identity.error.code-wrong"));
            return "identity/mfa";
        }
        completeSignIn(account, request, response);
        return "redirect:/";
    }

    @GetMapping("/mfa/enrol")
    String enrol(@AuthenticationPrincipal CurrentUser user, Model model) {
        Account account = members.findById(user.accountId()).orElseThrow();
        if (account.totpEnabled()) {
            return "redirect:/mfa";
        }
        SecondFactor.Enrolment enrolment = secondFactor.startEnrolment(account);
        model.addAttribute("enrolment", enrolment);
        model.addAttribute("errors", FormErrors.none());
        return "identity/mfa-enrol";
    }

    @PostMapping("/mfa/enrol")
    String confirmEnrolment(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String code, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Account account = members.findById(user.accountId()).filter(Account::active).orElseThrow();
        if (account.totpEnabled()) {
            return "redirect:/mfa";
        }
        if (!secondFactor.confirmEnrolment(account, code)) {
            // A fresh seed each time the page is shown: the old QR code may have been photographed.
            model.addAttribute("enrolment", secondFactor.startEnrolment(account));
            model.addAttribute("errors", FormErrors.none().addCode("code",
                    "identity.error.enrolment-code-wrong"));
            return "identity/mfa-enrol";
        }
        completeSignIn(members.findById(user.accountId()).orElseThrow(), request, response);
        // Enrolled: now the recovery codes, shown once.
        return "redirect:/account/recovery-codes/first";
    }

    /** Password (or SSO without the provider's MFA) and the code are done: the session keeps which it was. */
    private void completeSignIn(Account account, HttpServletRequest request, HttpServletResponse response) {
        completion.complete(account, "totp", SignInMethod.of(request).orElse(SignInMethod.PASSWORD), request, response);
    }
}
