package org.caseshare.identity;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends every session of one account, on whichever app node it was opened. Sessions live in Spring
 * Session's table, indexed by principal name (our account id), so one statement ends them all; it
 * works from the command line too, where no web session repository exists.
 */
@Component
class SessionControl {

    private final JdbcClient jdbc;

    SessionControl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return how many sessions were ended */
    int endAll(UUID accountId) {
        // Attributes go with their session (foreign key on delete cascade).
        return jdbc.sql("delete from spring_session where principal_name = ?").param(accountId.toString()).update();
    }

    /** Ends every session of one account but the one given (the browser that changed the password). */
    int endAllExcept(UUID accountId, String keptSessionId) {
        return jdbc.sql("delete from spring_session where principal_name = ? and session_id <> ?")
                .params(accountId.toString(), keptSessionId).update();
    }
}
