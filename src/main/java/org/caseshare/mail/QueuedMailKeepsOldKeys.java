package org.caseshare.mail;

import java.util.Optional;

import org.caseshare.crypto.KeyRetirementCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Email waiting to go out carries its recipient and body sealed inside the queued event (Spring
 * Modulith's {@code event_publication}), where key rotation cannot re-seal them. Until the queue has
 * emptied, the key they were sealed with must stay enabled, or that mail could never be sent.
 */
@Component
class QueuedMailKeepsOldKeys implements KeyRetirementCheck {

    private final JdbcClient jdbc;

    QueuedMailKeepsOldKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> reasonToKeepOldKeys() {
        long waiting = jdbc.sql("select count(*) from event_publication where completion_date is null and event_type = ?")
                .param(MailQueued.class.getName()).query(Long.class).single();
        return waiting == 0 ? Optional.empty()
                : Optional.of(waiting + " email(s) are still queued, sealed with the keys they were queued under (see /system/mail)");
    }
}
