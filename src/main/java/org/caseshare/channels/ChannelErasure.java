package org.caseshare.channels;

import org.caseshare.sharing.SharingRecordErasing;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a register record is deleted (retention or erasure), what its channel left behind goes with
 * it in the same transaction: the email attachment and its sealed password, the envelope labels'
 * names and addresses, the fax number and cover sheet details.
 */
@Component
class ChannelErasure {

    private final JdbcClient jdbc;

    ChannelErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(SharingRecordErasing erasing) {
        for (String table : new String[] {"channel_email_attachment", "channel_post_dispatch", "channel_fax_transmission"}) {
            jdbc.sql("delete from " + table + " where sharing_record_id = ? and organisation_id = ?")
                    .params(erasing.recordId(), erasing.organisationId()).update();
        }
    }
}
