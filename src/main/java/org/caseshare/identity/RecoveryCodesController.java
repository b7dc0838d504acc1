package org.caseshare.identity;

import java.util.List;
import java.util.OptionalInt;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.caseshare.system.Catalogue;
import org.caseshare.system.FormErrors;
import org.caseshare.system.SignInMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Recovery codes: shown once after enrolment, replaced from the account page, and accepted instead
 * of the authenticator's code at /mfa/recovery (a /mfa path, so the sign-in throttle counts guesses
 * there as it does for codes).
 */
@Controller
class RecoveryCodesController {

    private final Members members;
    private final RecoveryCodes codes;
    private final SignInCompletion completion;

    RecoveryCodesController(Members members, RecoveryCodes codes, SignInCompletion completion) {
        this.members = members;
        this.codes = codes;
        this.completion = completion;
    }

    /** Straight after enrolment: the first codes, made and shown once. Coming back shows nothing again. */
    @GetMapping("/account/recovery-codes/first")
    String first(@AuthenticationPrincipal CurrentUser user, Model model) {
        Account account = members.findById(user.accountId()).orElseThrow();
        if (!account.totpEnabled() || codes.issued(account.id())) {
            return "redirect:/";
        }
        return show(codes.replace(account, "password"), true, model);
    }

    @PostMapping("/account/recovery-codes")
    String replace(@AuthenticationPrincipal CurrentUser user, Model model) {
        Account account = members.findById(user.accountId()).orElseThrow();
        return show(codes.replace(account, "password"), false, model);
    }

    @GetMapping("/mfa/recovery")
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("errors", FormErrors.none());
        return "identity/mfa-recovery";
    }

    @PostMapping("/mfa/recovery")
    String use(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String code, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Account account = members.findById(user.accountId()).filter(Account::active).orElseThrow();
        if (!account.totpEnabled()) {
            return "redirect:/mfa/enrol";
        }
        OptionalInt left = code.isBlank() ? OptionalInt.empty() : codes.use(account, code);
        if (left.isEmpty()) {
            model.addAttribute("errors", FormErrors.none().addCode("code", code.isBlank() ? "identity.error.recovery-code"
                    : "identity.error.recovery-code-wrong"));
            return "identity/mfa-recovery";
        }
        completion.complete(account, "recovery-code", SignInMethod.RECOVERY_CODE, request, response);
        redirect.addFlashAttribute("notice", Catalogue.text(left.getAsInt() < 3 ? "identity.notice.recovery-code-used.few-left"
                : "identity.notice.recovery-code-used", left.getAsInt()));
        return "redirect:/account";
    }

    private static String show(List<String> created, boolean afterEnrolment, Model model) {
        model.addAttribute("codes", created);
        model.addAttribute("afterEnrolment", afterEnrolment);
        return "identity/recovery-codes";
    }
}
