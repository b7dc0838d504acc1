package org.caseshare.backup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import javax.sql.DataSource;

import org.caseshare.crypto.BackupEncryption.BackupCipher;
import org.springframework.stereotype.Component;

/**
 * The database half of a backup: every table read in one read-only snapshot transaction while the
 * service keeps writing (PostgreSQL REPEATABLE READ, H2 SNAPSHOT: both see the database as it was
 * at the transaction's first read), and loaded back in one transaction.
 */
@Component
class DatabaseCopy {

    private static final int FETCH = 500;
    private static final int BATCH = 500;

    private final DataSource dataSource;

    DatabaseCopy(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What the snapshot saw. */
    record Snapshot(String database, String schemaVersion, List<Manifest.Table> tables, Manifest.Audit audit) {
    }

    /**
     * Opens the snapshot, runs {@code atSnapshot} (the blob store is listed then, see the ADR), then
     * writes every table into {@code dir/db}.
     */
    Snapshot dump(Path dir, BackupCipher cipher, Runnable atSnapshot) throws IOException, SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int isolation = connection.getTransactionIsolation();
            boolean h2 = isH2(connection);
            try {
                if (h2) {
                    try (Statement s = connection.createStatement()) {
                        s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
                    }
                } else {
                    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                }
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                // The first read fixes the snapshot, before the blob store is listed.
                Tables tables = Tables.of(connection);
                String schemaVersion = schemaVersion(connection, tables);
                Manifest.Audit audit = audit(connection, tables);
                atSnapshot.run();
                List<Manifest.Table> written = new ArrayList<>();
                int n = 0;
                for (String table : tables.inLoadOrder(connection)) {
                    written.add(dumpTable(connection, tables, table, dir, String.format(Locale.ROOT, "db/%03d-%s", ++n, table), cipher));
                }
                connection.commit();
                return new Snapshot(connection.getMetaData().getDatabaseProductName(), schemaVersion, written, audit);
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(isolation);
            }
        }
    }

    private static Manifest.Table dumpTable(Connection connection, Tables tables, String table, Path dir, String file,
            BackupCipher cipher) throws IOException, SQLException {
        Digests.HashingFile hashing = new Digests.HashingFile(dir.resolve(file));
        long rows;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(cipher.encrypting(hashing, file), 64 * 1024));
                Statement select = connection.createStatement()) {
            select.setFetchSize(FETCH);
            try (ResultSet rs = select.executeQuery("select * from " + tables.quoted(table))) {
                rows = RowCodec.write(rs, out);
            }
        }
        return new Manifest.Table(table, rows, file, hashing.size(), hashing.hex());
    }

    private static String schemaVersion(Connection connection, Tables tables) throws SQLException {
        String history = tables.quoted("flyway_schema_history");
        Map<String, String> columns = tables.columns(connection, "flyway_schema_history");
        String sql = "select " + Tables.quote(columns.get("version")) + " from " + history + " where "
                + Tables.quote(columns.get("success")) + " = true and " + Tables.quote(columns.get("version"))
                + " is not null order by " + Tables.quote(columns.get("installed_rank")) + " desc";
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private static Manifest.Audit audit(Connection connection, Tables tables) throws SQLException {
        long entries;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + tables.quoted("audit_entry"))) {
            rs.next();
            entries = rs.getLong(1);
        }
        Map<String, String> columns = tables.columns(connection, "audit_checkpoint");
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select " + Tables.quote(columns.get("tree_size")) + ", " + Tables.quote(columns.get("root_hash"))
                        + " from " + tables.quoted("audit_checkpoint") + " order by " + Tables.quote(columns.get("tree_size")) + " desc")) {
            return rs.next() ? new Manifest.Audit(entries, rs.getLong(1), rs.getString(2)) : new Manifest.Audit(entries, null, null);
        }
    }

    /** The target's migrations, and whether it holds anything beyond what they put there. */
    record Target(String schemaVersion, List<String> tablesWithRows) {
    }

    Target inspect() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Tables tables = Tables.of(connection);
            List<String> withRows = new ArrayList<>();
            for (String table : tables.inLoadOrder(connection)) {
                if (Tables.SEEDED.contains(table)) {
                    continue;
                }
                try (Statement s = connection.createStatement();
                        ResultSet rs = s.executeQuery("select count(*) from " + tables.quoted(table))) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        withRows.add(table);
                    }
                }
            }
            return new Target(schemaVersion(connection, tables), withRows);
        }
    }

    /** Loads every table of the manifest in one transaction: all of it or, on any failure, nothing. */
    void load(Path dir, Manifest manifest, BackupCipher cipher) throws IOException, SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Tables tables = Tables.of(connection);
                for (String seeded : Tables.SEEDED) {
                    try (Statement s = connection.createStatement()) {
                        s.executeUpdate("delete from " + tables.quoted(seeded));
                    }
                }
                for (Manifest.Table table : manifest.tables()) {
                    long loaded = loadTable(connection, tables, table, dir, cipher);
                    if (loaded != table.rows()) {
                        throw new IllegalStateException("The table " + table.name() + " held " + loaded + " rows, the manifest says "
                                + table.rows());
                    }
                }
                connection.commit();
            } catch (IOException | SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static long loadTable(Connection connection, Tables tables, Manifest.Table table, Path dir, BackupCipher cipher)
            throws IOException, SQLException {
        try (InputStream file = Files.newInputStream(dir.resolve(table.file()));
                DataInputStream in = new DataInputStream(new BufferedInputStream(cipher.decrypting(file, table.file()), 64 * 1024))) {
            String[] names = RowCodec.readColumns(in);
            Map<String, String> columns = tables.columns(connection, table.name());
            StringJoiner list = new StringJoiner(", ");
            StringJoiner marks = new StringJoiner(", ");
            for (String name : names) {
                String actual = columns.get(name);
                if (actual == null) {
                    throw new IllegalStateException("The table " + table.name() + " has no column " + name + " here");
                }
                list.add(Tables.quote(actual));
                marks.add("?");
            }
            long count = 0;
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into " + tables.quoted(table.name()) + " (" + list + ") values (" + marks + ")")) {
                int pending = 0;
                while (RowCodec.readRow(in, insert, names.length)) {
                    insert.addBatch();
                    count++;
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
            return count;
        }
    }

    private static boolean isH2(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
    }
}
