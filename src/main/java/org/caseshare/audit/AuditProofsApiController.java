package org.caseshare.audit;

import org.caseshare.system.Actor;
import org.caseshare.system.ApiValidationException;
import org.caseshare.system.Callers;
import org.springframework.security.access.AccessDeniedException;
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

    // Role names of identity.Role; audit cannot import it (identity depends on audit).
    static final String DATA_PROTECTION_OFFICER = "DATA_PROTECTION_OFFICER";
    static final String ORGANISATION_ADMIN = "ORGANISATION_ADMIN";

    private final AuditProofs proofs;

    AuditProofsApiController(AuditProofs proofs) {
        this.proofs = proofs;
    }

    @Callers("DPOs and organisation admins")
    @GetMapping("/inclusion")
    ProofDocuments.Inclusion inclusion(Actor user, @RequestParam long seq,
            @RequestParam(required = false) Long treeSize) {
        requireOverseer(user);
        try {
            return ProofDocuments.of(proofs.inclusion(seq, treeSize, user.organisationId()));
        } catch (IllegalArgumentException e) {
            throw new ApiValidationException(e.getMessage());
        }
    }

    @Callers("DPOs and organisation admins")
    @GetMapping("/consistency")
    ProofDocuments.Consistency consistency(Actor user, @RequestParam long from,
            @RequestParam long to) {
        requireOverseer(user);
        try {
            return ProofDocuments.of(proofs.consistency(from, to));
        } catch (IllegalArgumentException e) {
            throw new ApiValidationException(e.getMessage());
        }
    }

    private static void requireOverseer(Actor user) {
        if (!(user.hasRoleNamed(DATA_PROTECTION_OFFICER) || user.hasRoleNamed(ORGANISATION_ADMIN))) {
            throw new AccessDeniedException("Only data protection officers and organisation admins may ask for audit proofs");
        }
    }
}
