package org.caseshare.custody;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.caseshare.custody.CustodyItems.instant;
import static org.caseshare.custody.CustodyItems.ts;

/** The register of approved devices in the database, scoped by organisation. */
@Repository
class Devices {

    private final JdbcClient jdbc;

    Devices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Device d) {
        jdbc.sql("""
                insert into custody_device (id, organisation_id, device_type, asset_tag, description, registered_by, registered_at, version)
                values (?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(d.id(), d.organisationId(), d.type().name(), d.assetTag(), d.description(), d.registeredBy(), ts(d.registeredAt()))
                .update();
    }

    boolean update(Device d) {
        return jdbc.sql("""
                update custody_device set encryption_verified_by = ?, encryption_verified_name = ?, encryption_verified_at = ?,
                    encryption_method = ?, withdrawn_by = ?, withdrawn_at = ?, withdrawn_reason = ?, version = version + 1
                where id = ? and organisation_id = ? and version = ?""")
                .params(d.encryptionVerifiedBy(), d.encryptionVerifiedName(), ts(d.encryptionVerifiedAt()), d.encryptionMethod(),
                        d.withdrawnBy(), ts(d.withdrawnAt()), d.withdrawnReason(), d.id(), d.organisationId(), d.version())
                .update() == 1;
    }

    Optional<Device> find(UUID organisationId, UUID id) {
        return jdbc.sql("select * from custody_device where organisation_id = ? and id = ?").params(organisationId, id)
                .query(Devices::map).optional();
    }

    boolean tagTaken(UUID organisationId, String assetTag) {
        return jdbc.sql("select count(*) from custody_device where organisation_id = ? and lower(asset_tag) = lower(?)")
                .params(organisationId, assetTag).query(Long.class).single() > 0;
    }

    List<Device> list(UUID organisationId) {
        return jdbc.sql("select * from custody_device where organisation_id = ? order by case when withdrawn_at is null then 0 else 1 end, asset_tag")
                .param(organisationId).query(Devices::map).list();
    }

    static Device map(ResultSet rs, int row) throws SQLException {
        return new Device(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                DeviceType.valueOf(rs.getString("device_type")), rs.getString("asset_tag"), rs.getString("description"),
                rs.getObject("registered_by", UUID.class), instant(rs, "registered_at"), rs.getObject("encryption_verified_by", UUID.class),
                rs.getString("encryption_verified_name"), instant(rs, "encryption_verified_at"), rs.getString("encryption_method"),
                rs.getObject("withdrawn_by", UUID.class), instant(rs, "withdrawn_at"), rs.getString("withdrawn_reason"), rs.getInt("version"));
    }
}
