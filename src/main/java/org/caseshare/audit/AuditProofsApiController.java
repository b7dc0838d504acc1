package org.caseshare.audit;

import org.caseshare.identity.CurrentUser;
import org.caseshare.identity.Role;
import org.caseshare.system.ApiValidationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Proofs for data protection officers and organisation admins: that an entry of their organisation
 * is in a signed checkpoint, and that one checkpoint's tree extends another's. Another
 * organisation's entry is "not found".
 */
@RestController
@RequestMapping(path = "/api/v1/audit/proofs", produces = "application/json")
class AuditProofsApiController {

    private final AuditProofs proofs;

    AuditProofsApiController(AuditProofs proofs) {
        this.proofs = proofs;
    }

    @GetMapping("/inclusion")
    ProofDocuments.Inclusion inclusion(@AuthenticationPrincipal CurrentUser user, @RequestParam long seq,
            @RequestParam(required = false) Long treeSize) {
        requireOverseer(user);
        try {
            return ProofDocuments.of(proofs.inclusion(seq, treeSize, user.organisationId()));
        } catch (IllegalArgumentException e) {
            throw new ApiValidationException(e.getMessage());
        }
    }

    @GetMapping("/consistency")
    ProofDocuments.Consistency consistency(@AuthenticationPrincipal CurrentUser user, @RequestParam long from,
            @RequestParam long to) {
        requireOverseer(user);
        try {
            return ProofDocuments.of(proofs.consistency(from, to));
        } catch (IllegalArgumentException e) {
            throw new ApiValidationException(e.getMessage());
        }
    }

    private static void requireOverseer(CurrentUser user) {
        if (!(user.hasRole(Role.DATA_PROTECTION_OFFICER) || user.hasRole(Role.ORGANISATION_ADMIN))) {
            throw new AccessDeniedException("Only data protection officers and organisation admins may ask for audit proofs");
        }
    }
}
