package org.caseshare.audit;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's half of the append-only rule (PostgreSQL uses a PL/pgSQL trigger, see
 * {@code db/postgresql/V3__audit_append_only.sql}): any UPDATE or DELETE on an audit table fails.
 * Public only because H2 instantiates it by reflection.
 */
public class AppendOnlyTrigger implements Trigger {

    private String table;

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
            int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        String operation = newRow == null ? "DELETE" : "UPDATE";
        throw new SQLException("the audit trail is append-only: " + operation + " on " + table + " is not allowed",
                "42501");
    }
}
