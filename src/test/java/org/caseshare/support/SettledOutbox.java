package org.caseshare.support;

import java.util.List;
import java.util.Optional;

import org.caseshare.mail.Outbox;
import org.caseshare.storage.BlobStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox as a test reads it: after every email queued so far has been delivered or has failed.
 * Email is delivered after commit on another thread, so a test that reads the outbox straight after
 * an action would otherwise race the delivery. This waits (up to half a minute) for the event
 * publication registry to hold no delivery still under way; it asserts nothing itself.
 */
public class SettledOutbox extends Outbox {

    private final JdbcClient jdbc;

    public SettledOutbox(BlobStore blobs, JdbcClient jdbc) {
        super(blobs);
        this.jdbc = jdbc;
    }

    @Override
    public List<OutboxMessage> list() {
        awaitDeliveries(jdbc);
        return super.list();
    }

    @Override
    public Optional<OutboxMessage> find(String id) {
        awaitDeliveries(jdbc);
        return super.find(id);
    }

    /** Waits until no queued email is still on its way (completed ones are deleted; failed ones have finished trying). */
    public static void awaitDeliveries(JdbcClient jdbc) {
        for (int attempt = 0; attempt < 300; attempt++) {
            long underWay = jdbc.sql("select count(*) from event_publication where completion_date is null"
                    + " and (status is null or status <> 'FAILED')").query(Long.class).single();
            if (underWay == 0) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
