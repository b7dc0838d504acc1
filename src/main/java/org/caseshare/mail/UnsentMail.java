package org.caseshare.mail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many emails are queued and not yet delivered, on every node together (the queue is the shared
 * event publication table): the health check's backlog and the unsent-mail gauge.
 */
@Component
public class UnsentMail {

    private final JdbcClient jdbc;

    UnsentMail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql("select count(*) from event_publication where event_type = ? and completion_date is null")
                .param(MailQueued.class.getName()).query(Long.class).single();
    }
}
