package org.caseshare.crypto;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database column whose values are sealed under the key-encryption keyset, described by the
 * module that owns it so that key rotation can re-seal every value without knowing that module.
 * Each owning module declares its columns as beans; {@link KeyRotation} finds them all.
 *
 * @param name     what the values are, for progress and status output (no personal data)
 * @param table    the table that holds the column
 * @param id       the table's key column, used to walk the rows in order a batch at a time
 * @param idType   the SQL type of {@code id} ({@code uuid}, {@code varchar}, {@code integer})
 * @param column   the sealed column; nulls are skipped
 * @param join     extra SQL after the table name (a join that brings in context columns), or empty
 * @param extra    further columns to select for {@code opening}, qualified as the join needs, or empty
 * @param opening  how to open one row's value: the context it was sealed with
 */
public record SealedColumn(String name, String table, String id, String idType, String column, String join, String extra,
        Opening opening) {

    public SealedColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opening, "opening");
        join = join == null ? "" : join;
        extra = extra == null ? "" : extra;
    }

    /** A plain column with no join: {@code opening} sees the id as {@code id} and the value as {@code sealed_value}. */
    public static SealedColumn of(String name, String table, String id, String idType, String column, Opening opening) {
        return new SealedColumn(name, table, id, idType, column, "", "", opening);
    }

    /** Reads one row's context. The row has {@code id}, {@code sealed_value} and the {@code extra} columns. */
    @FunctionalInterface
    public interface Opening {
        Sealing of(ResultSet row) throws SQLException;
    }

    /** How a value was sealed: by {@link SecretBox} with a context string, or as a file's wrapped data key. */
    public sealed interface Sealing permits SecretBoxSealing, FileKeySealing {
    }

    public record SecretBoxSealing(String context) implements Sealing {
    }

    public record FileKeySealing(FileContext context) implements Sealing {
    }

    /** One row's sealed value and how to open it. */
    record Item(String id, String value, Sealing sealing) {
    }

    List<Item> after(JdbcClient jdbc, String afterId, int limit) {
        String select = "select " + table + "." + id + " as id, " + table + "." + column + " as sealed_value"
                + (extra.isEmpty() ? "" : ", " + extra) + " from " + table + " " + join
                + " where " + table + "." + column + " is not null";
        String order = " order by " + table + "." + id + " limit " + limit;
        var query = afterId == null ? jdbc.sql(select + order)
                : jdbc.sql(select + " and " + table + "." + id + " > cast(? as " + idType + ")" + order).param(afterId);
        return query.query((row, n) -> new Item(row.getString("id"), row.getString("sealed_value"), opening.of(row))).list();
    }

    /** Replaces a value only if it is still the one read, so a change made meanwhile is never lost. */
    boolean replace(JdbcClient jdbc, Item item, String resealed) {
        return jdbc.sql("update " + table + " set " + column + " = ? where " + id + " = cast(? as " + idType + ") and " + column + " = ?")
                .params(resealed, item.id(), item.value()).update() == 1;
    }
}
