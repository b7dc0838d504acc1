package org.caseshare.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account and account_role tables. Every query that lists accounts is scoped to an organisation. */
@Repository
class Accounts {

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Account account, String passwordHash) {
        jdbc.sql("""
                insert into account (id, organisation_id, email, display_name, password_hash, status, system_admin,
                                     totp_secret, totp_enabled, totp_last_step, created_at, version)
                values (?, ?, ?, ?, ?, ?, ?, null, false, null, ?, 0)""")
                .params(account.id(), account.organisationId(), account.email(), account.displayName(), passwordHash,
                        account.status().name(), account.systemAdmin(), Timestamp.from(account.createdAt()))
                .update();
        replaceRoles(account.id(), account.roles());
    }

    void replaceRoles(UUID accountId, Set<Role> roles) {
        jdbc.sql("delete from account_role where account_id = ?").param(accountId).update();
        for (Role role : roles) {
            jdbc.sql("insert into account_role (account_id, role) values (?, ?)").params(accountId, role.name()).update();
        }
    }

    Optional<Account> findById(UUID id) {
        return one("where a.id = ?", id);
    }

    Optional<Account> findByEmail(String email) {
        return one("where a.email = ?", email);
    }

    /** An account of the given organisation; another organisation's account is simply not found. */
    Optional<Account> findInOrganisation(UUID organisationId, UUID accountId) {
        return jdbc.sql(select("where a.organisation_id = ? and a.id = ?")).params(organisationId, accountId)
                .query(this::mapWithoutRoles).optional().map(this::withRoles);
    }

    List<Account> findByOrganisation(UUID organisationId) {
        return jdbc.sql(select("where a.organisation_id = ? order by a.display_name, a.email")).param(organisationId)
                .query(this::mapWithoutRoles).list().stream().map(this::withRoles).toList();
    }

    Optional<String> passwordHash(UUID accountId) {
        return jdbc.sql("select password_hash from account where id = ?").param(accountId).query(String.class).optional();
    }

    void setPasswordHash(UUID accountId, String hash) {
        jdbc.sql("update account set password_hash = ?, version = version + 1 where id = ?").params(hash, accountId).update();
    }

    void setStatus(UUID accountId, AccountStatus status) {
        jdbc.sql("update account set status = ?, version = version + 1 where id = ?").params(status.name(), accountId).update();
    }

    boolean anySystemAdmin() {
        return jdbc.sql("select count(*) from account where system_admin = true").query(Long.class).single() > 0;
    }

    Optional<String> totpSecret(UUID accountId) {
        return jdbc.sql("select totp_secret from account where id = ?").param(accountId).query(String.class).optional();
    }

    void setPendingTotpSecret(UUID accountId, String sealedSecret) {
        jdbc.sql("update account set totp_secret = ?, totp_enabled = false, totp_last_step = null, version = version + 1 where id = ?")
                .params(sealedSecret, accountId).update();
    }

    void enableTotp(UUID accountId, long step) {
        jdbc.sql("update account set totp_enabled = true, totp_last_step = ?, version = version + 1 where id = ?")
                .params(step, accountId).update();
    }

    /**
     * Records the time step of an accepted code; refuses (returns false) a step already used, so a
     * code seen over someone's shoulder cannot be replayed within its 30 seconds.
     */
    boolean useTotpStep(UUID accountId, long step) {
        return jdbc.sql("update account set totp_last_step = ? where id = ? and (totp_last_step is null or totp_last_step < ?)")
                .params(step, accountId, step).update() == 1;
    }

    private Optional<Account> one(String where, Object param) {
        return jdbc.sql(select(where)).param(param).query(this::mapWithoutRoles).optional().map(this::withRoles);
    }

    private static String select(String where) {
        return "select a.id, a.organisation_id, a.email, a.display_name, a.status, a.system_admin, a.totp_enabled, a.created_at from account a " + where;
    }

    private Account mapWithoutRoles(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class), rs.getString("email"),
                rs.getString("display_name"), AccountStatus.valueOf(rs.getString("status")), rs.getBoolean("system_admin"),
                Set.of(), rs.getBoolean("totp_enabled"), rs.getTimestamp("created_at").toInstant());
    }

    private Account withRoles(Account account) {
        List<String> names = jdbc.sql("select role from account_role where account_id = ?").param(account.id()).query(String.class).list();
        Set<Role> roles = names.isEmpty() ? Set.of() : EnumSet.copyOf(names.stream().map(Role::valueOf).toList());
        return new Account(account.id(), account.organisationId(), account.email(), account.displayName(), account.status(),
                account.systemAdmin(), roles, account.totpEnabled(), account.createdAt());
    }
}
