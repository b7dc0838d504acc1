package org.caseshare.identity;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The account columns that account recovery adds: whether the password must be changed before
 * anything else, and the device-cookie epoch that a password reset moves on.
 */
@Repository
class PasswordStates {

    private final JdbcClient jdbc;

    PasswordStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean mustChange(UUID accountId) {
        return jdbc.sql("select password_must_change from account where id = ?").param(accountId).query(Boolean.class)
                .optional().orElse(false);
    }

    void setMustChange(UUID accountId, boolean mustChange) {
        jdbc.sql("update account set password_must_change = ?, version = version + 1 where id = ?").params(mustChange, accountId).update();
    }

    /** The current epoch; a device cookie made under an older one no longer counts. */
    int deviceEpoch(UUID accountId) {
        return jdbc.sql("select device_epoch from account where id = ?").param(accountId).query(Integer.class).optional().orElse(-1);
    }

    void endDeviceEpoch(UUID accountId) {
        jdbc.sql("update account set device_epoch = device_epoch + 1, version = version + 1 where id = ?").param(accountId).update();
    }
}
