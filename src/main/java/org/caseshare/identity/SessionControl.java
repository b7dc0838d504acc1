package org.caseshare.identity;

import java.util.UUID;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends every session of one account, on whichever app node it was opened. */
@Component
class SessionControl {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionControl(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** @return how many sessions were ended */
    int endAll(UUID accountId) {
        var found = sessions.findByPrincipalName(accountId.toString());
        found.keySet().forEach(sessions::deleteById);
        return found.size();
    }
}
