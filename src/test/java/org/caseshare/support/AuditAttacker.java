package org.caseshare.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Someone with the database administrator's rights: switches the append-only triggers off for their
 * own session (PostgreSQL's replica role; on H2, by dropping and later recreating the triggers) and
 * rewrites the audit tables. {@link #snapshot()} and {@link #restore()} put everything back, so a
 * tampering test leaves an intact trail for the next one.
 */
public class AuditAttacker {

    private static final String[] TABLES = {"audit_entry", "audit_checkpoint", "audit_head", "audit_pending"};

    private final DataSource dataSource;

    public AuditAttacker(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void snapshot() {
        run(statement -> {
            for (String table : TABLES) {
                statement.execute("drop table if exists snapshot_" + table);
                statement.execute("create table snapshot_" + table + " as select * from " + table);
            }
        });
    }

    public void restore() {
        tamper("delete from audit_entry", "insert into audit_entry select * from snapshot_audit_entry",
                "delete from audit_checkpoint", "insert into audit_checkpoint select * from snapshot_audit_checkpoint",
                "update audit_head set last_seq = (select last_seq from snapshot_audit_head)",
                "delete from audit_pending", "insert into audit_pending select * from snapshot_audit_pending");
        run(statement -> {
            for (String table : TABLES) {
                statement.execute("drop table snapshot_" + table);
            }
        });
    }

    /** Runs each statement with the append-only triggers off. */
    public void tamper(String... sql) {
        run(statement -> {
            boolean postgres = postgres(statement.getConnection());
            triggers(statement, postgres, false);
            try {
                for (String s : sql) {
                    statement.execute(s);
                }
            } finally {
                triggers(statement, postgres, true);
            }
        });
    }

    private static void triggers(Statement statement, boolean postgres, boolean on) throws SQLException {
        if (postgres) {
            statement.execute("set session_replication_role = " + (on ? "origin" : "replica"));
            return;
        }
        for (String table : new String[] {"audit_entry", "audit_checkpoint"}) {
            statement.execute(on
                    ? "create trigger if not exists " + table + "_append_only before update, delete on " + table
                            + " for each row call 'org.caseshare.audit.AppendOnlyTrigger'"
                    : "drop trigger if exists " + table + "_append_only");
        }
    }

    private static boolean postgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }

    private interface Work {
        void run(Statement statement) throws SQLException;
    }

    private void run(Work work) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            work.run(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("Tampering failed: " + e.getMessage(), e);
        }
    }
}
