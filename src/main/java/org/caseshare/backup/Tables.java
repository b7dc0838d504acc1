package org.caseshare.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The application's tables as the database names them (H2 upper-case, PostgreSQL lower-case), in an
 * order where every table comes after the tables its foreign keys point to, so rows load in that
 * order without switching constraints off.
 */
final class Tables {

    /**
     * Not backed up: Flyway's history (the target's own migrations write it), the cluster's job
     * schedule (each node recreates it), and sign-in sessions (a restore signs everyone out, rather
     * than bringing back sessions that may since have been ended).
     */
    static final Set<String> SKIPPED = Set.of("flyway_schema_history", "scheduled_tasks", "spring_session",
            "spring_session_attributes");
    /** Tables a migration fills (V1 puts audit_head's single row), replaced by the backup's rows on restore. */
    static final Set<String> SEEDED = Set.of("audit_head");

    private final Map<String, String> actualNames;
    private final String schema;

    private Tables(String schema, Map<String, String> actualNames) {
        this.schema = schema;
        this.actualNames = actualNames;
    }

    static Tables of(Connection connection) throws SQLException {
        String schema = connection.getSchema();
        Map<String, String> names = new LinkedHashMap<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String actual = rs.getString("TABLE_NAME");
                names.put(actual.toLowerCase(Locale.ROOT), actual);
            }
        }
        return new Tables(schema, names);
    }

    boolean has(String table) {
        return actualNames.containsKey(table);
    }

    /** The table's name quoted exactly as the database spells it. */
    String quoted(String table) {
        String actual = actualNames.get(table);
        if (actual == null) {
            throw new IllegalStateException("The database has no table " + table);
        }
        return quote(actual);
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Column names (lower-case) to the database's spelling. */
    Map<String, String> columns(Connection connection, String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (ResultSet rs = connection.getMetaData().getColumns(null, schema, actualNames.get(table), "%")) {
            while (rs.next()) {
                String actual = rs.getString("COLUMN_NAME");
                columns.put(actual.toLowerCase(Locale.ROOT), actual);
            }
        }
        return columns;
    }

    /** The tables to back up, parents before children. */
    List<String> inLoadOrder(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String table : actualNames.keySet().stream().sorted().toList()) {
            if (SKIPPED.contains(table)) {
                continue;
            }
            Set<String> of = new LinkedHashSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, schema, actualNames.get(table))) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(table) && !SKIPPED.contains(parent)) {
                        of.add(parent);
                    }
                }
            }
            parents.put(table, of);
        }
        List<String> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (ordered.size() < parents.size()) {
            boolean progress = false;
            for (Map.Entry<String, Set<String>> entry : parents.entrySet()) {
                if (!placed.contains(entry.getKey()) && placed.containsAll(entry.getValue())) {
                    ordered.add(entry.getKey());
                    placed.add(entry.getKey());
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("The tables' foreign keys form a cycle; they cannot be loaded in order");
            }
        }
        return ordered;
    }
}
