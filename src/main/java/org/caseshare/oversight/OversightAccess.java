package org.caseshare.oversight;

import org.caseshare.identity.Role;
import org.caseshare.system.Actor;
import org.springframework.security.access.AccessDeniedException;

/** Who sees the oversight figures: the data protection officer, managers and organisation admins; nobody else. */
final class OversightAccess {

    private OversightAccess() {
    }

    static boolean allowed(Actor actor) {
        return Role.DATA_PROTECTION_OFFICER.heldBy(actor) || Role.MANAGER.heldBy(actor) || Role.ORGANISATION_ADMIN.heldBy(actor);
    }

    static void require(Actor actor) {
        if (!allowed(actor)) {
            throw new AccessDeniedException("Only the data protection officer, managers and organisation admins see the oversight figures");
        }
    }
}
