package org.caseshare.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * One table's rows as a stream of typed values, read from a {@link ResultSet} a row at a time and
 * bound to an insert a row at a time, so no table is ever held in memory. The tags name Java
 * types, not vendor types, so a dump taken from H2 loads into PostgreSQL and back.
 */
final class RowCodec {

    private static final int ROW = 1;
    private static final int END = 0;

    private static final int NULL = 0;
    private static final int LONG = 1;
    private static final int BOOLEAN = 2;
    private static final int TEXT = 3;
    private static final int BYTES = 4;
    private static final int TIMESTAMP_TZ = 5;
    private static final int TIMESTAMP = 6;
    private static final int DATE = 7;
    private static final int UUID_VALUE = 8;
    private static final int DECIMAL = 9;

    private RowCodec() {
    }

    /** Writes every row of {@code rows}; returns how many. */
    static long write(ResultSet rows, DataOutputStream out) throws SQLException, IOException {
        ResultSetMetaData meta = rows.getMetaData();
        int columns = meta.getColumnCount();
        out.writeInt(columns);
        for (int i = 1; i <= columns; i++) {
            out.writeUTF(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        long count = 0;
        while (rows.next()) {
            out.writeByte(ROW);
            for (int i = 1; i <= columns; i++) {
                writeValue(rows, i, meta.getColumnType(i), meta.getColumnTypeName(i), out);
            }
            count++;
        }
        out.writeByte(END);
        return count;
    }

    private static void writeValue(ResultSet rows, int i, int type, String typeName, DataOutputStream out)
            throws SQLException, IOException {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        Object value;
        if (type == Types.TIMESTAMP_WITH_TIMEZONE || name.equals("timestamptz") || name.contains("with time zone")) {
            value = rows.getObject(i, OffsetDateTime.class);
        } else if (type == Types.TIMESTAMP) {
            value = rows.getObject(i, LocalDateTime.class);
        } else if (type == Types.DATE) {
            value = rows.getObject(i, LocalDate.class);
        } else {
            value = rows.getObject(i);
        }
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.writeByte(LONG);
            out.writeLong(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof String s) {
            text(out, TEXT, s);
        } else if (value instanceof Clob clob) {
            text(out, TEXT, clob.getSubString(1, Math.toIntExact(clob.length())));
        } else if (value instanceof byte[] bytes) {
            out.writeByte(BYTES);
            out.writeInt(bytes.length);
            out.write(bytes);
        } else if (value instanceof OffsetDateTime t) {
            text(out, TIMESTAMP_TZ, t.toString());
        } else if (value instanceof LocalDateTime t) {
            text(out, TIMESTAMP, t.toString());
        } else if (value instanceof LocalDate d) {
            text(out, DATE, d.toString());
        } else if (value instanceof UUID u) {
            text(out, UUID_VALUE, u.toString());
        } else if (value instanceof BigDecimal d) {
            text(out, DECIMAL, d.toPlainString());
        } else {
            throw new IllegalStateException("A column of type " + typeName + " cannot be backed up");
        }
    }

    private static void text(DataOutputStream out, int tag, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeByte(tag);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** The column names at the head of a dump. */
    static String[] readColumns(DataInputStream in) throws IOException {
        int columns = in.readInt();
        if (columns < 1 || columns > 1000) {
            throw new IOException("A table dump has an impossible column count");
        }
        String[] names = new String[columns];
        for (int i = 0; i < columns; i++) {
            names[i] = in.readUTF();
        }
        return names;
    }

    /** Binds the next row to {@code insert}; false at the end of the dump. */
    static boolean readRow(DataInputStream in, PreparedStatement insert, int columns) throws IOException, SQLException {
        int marker = in.readUnsignedByte();
        if (marker == END) {
            return false;
        }
        if (marker != ROW) {
            throw new IOException("A table dump is damaged");
        }
        for (int i = 1; i <= columns; i++) {
            insert.setObject(i, readValue(in));
        }
        return true;
    }

    private static Object readValue(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case NULL -> null;
            case LONG -> in.readLong();
            case BOOLEAN -> in.readBoolean();
            case BYTES -> bytes(in);
            case TEXT -> string(in);
            case TIMESTAMP_TZ -> OffsetDateTime.parse(string(in));
            case TIMESTAMP -> LocalDateTime.parse(string(in));
            case DATE -> LocalDate.parse(string(in));
            case UUID_VALUE -> UUID.fromString(string(in));
            case DECIMAL -> new BigDecimal(string(in));
            default -> throw new IOException("A table dump holds an unknown value tag " + tag);
        };
    }

    private static String string(DataInputStream in) throws IOException {
        return new String(bytes(in), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new EOFException("A table dump is damaged");
        }
        return in.readNBytes(length);
    }
}
