package org.caseshare.exchange;

import java.util.List;
import java.util.UUID;

import org.caseshare.sharing.SharingRecordErasing;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a register record is deleted, the hub's copies go with it in the same transaction: packages
 * sent under the record and packages answering a request for files made under it are shredded
 * (keys and names destroyed, blobs deleted after commit), and the request's own texts blanked.
 */
@Component
class PackageErasure {

    private final JdbcClient jdbc;
    private final PackageShredding shredding;

    PackageErasure(JdbcClient jdbc, PackageShredding shredding) {
        this.jdbc = jdbc;
        this.shredding = shredding;
    }

    @EventListener
    void on(SharingRecordErasing erasing) {
        List<UUID> sent = jdbc.sql("select id from hub_package where organisation_id = ? and sharing_record_id = ?")
                .params(erasing.organisationId(), erasing.recordId()).query(UUID.class).list();
        sent.forEach(id -> shredding.erase(id, erasing.organisationId()));
        // Answers to a request come from the partner's organisation: their package rows carry the partner's id.
        jdbc.sql("select p.id, p.organisation_id from hub_package p join hub_file_request r on r.package_id = p.id"
                        + " where r.organisation_id = ? and r.sharing_record_id = ?")
                .params(erasing.organisationId(), erasing.recordId())
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list()
                .forEach(p -> shredding.erase(p[0], p[1]));
        jdbc.sql("update hub_file_request set what = ?, why = ?, sharing_record_id = null where organisation_id = ? and sharing_record_id = ?")
                .params(PackageShredding.ERASED, PackageShredding.ERASED, erasing.organisationId(), erasing.recordId()).update();
    }
}
