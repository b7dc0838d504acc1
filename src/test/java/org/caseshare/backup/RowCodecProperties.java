package org.caseshare.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Rows of every column type the schema uses come back from a dump unchanged, nulls included. */
class RowCodecProperties {

    record Row(UUID id, String text, Long big, Integer small, Boolean flag, OffsetDateTime at, LocalDate day, byte[] bytes) {
    }

    @Property(tries = 40)
    void rowsRoundTripThroughADump(@ForAll("rows") List<Row> rows) throws Exception {
        try (Connection source = table(); Connection target = table()) {
            try (PreparedStatement insert = source.prepareStatement("insert into t values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Row row : rows) {
                    insert.setObject(1, row.id());
                    insert.setObject(2, row.text());
                    insert.setObject(3, row.big());
                    insert.setObject(4, row.small());
                    insert.setObject(5, row.flag());
                    insert.setObject(6, row.at());
                    insert.setObject(7, row.day());
                    insert.setObject(8, row.bytes());
                    insert.executeUpdate();
                }
            }
            ByteArrayOutputStream dump = new ByteArrayOutputStream();
            try (Statement s = source.createStatement(); ResultSet rs = s.executeQuery("select * from t");
                    DataOutputStream out = new DataOutputStream(dump)) {
                assertThat(RowCodec.write(rs, out)).isEqualTo(rows.size());
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(dump.toByteArray()));
            String[] columns = RowCodec.readColumns(in);
            assertThat(columns).containsExactly("id", "text", "big", "small", "flag", "happened_at", "on_day", "bytes");
            try (PreparedStatement insert = target.prepareStatement("insert into t values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                while (RowCodec.readRow(in, insert, columns.length)) {
                    insert.executeUpdate();
                }
            }
            assertThat(read(target)).isEqualTo(read(source)).hasSize(rows.size());
        }
    }

    private static Connection table() throws Exception {
        Connection connection = DriverManager.getConnection("jdbc:h2:mem:codec-" + UUID.randomUUID(), "sa", "");
        try (Statement s = connection.createStatement()) {
            s.execute("create table t (id uuid primary key, text varchar(100000), big bigint, small integer, flag boolean,"
                    + " happened_at timestamp with time zone, on_day date, bytes bytea)");
        }
        return connection;
    }

    private static List<String> read(Connection connection) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select * from t order by id")) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= 8; i++) {
                    Object value = i == 6 ? rs.getObject(i, OffsetDateTime.class) : rs.getObject(i);
                    row.append(value instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : Objects.toString(value)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<UUID> ids = Arbitraries.create(UUID::randomUUID);
        Arbitrary<String> texts = Arbitraries.strings().all().ofMaxLength(300).injectNull(0.2)
                .filter(s -> s == null || s.chars().noneMatch(c -> Character.isSurrogate((char) c)));
        Arbitrary<Long> bigs = Arbitraries.longs().injectNull(0.2);
        Arbitrary<Integer> smalls = Arbitraries.integers().injectNull(0.2);
        Arbitrary<Boolean> flags = Arbitraries.of(true, false).injectNull(0.2);
        Arbitrary<OffsetDateTime> times = Arbitraries.longs().between(0, 4_000_000_000L)
                .map(s -> OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(s, 123_456_000), ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.MICROS)).injectNull(0.2);
        Arbitrary<LocalDate> days = Arbitraries.integers().between(0, 50_000).map(d -> LocalDate.ofEpochDay(d)).injectNull(0.2);
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000).injectNull(0.2);
        return Combinators.combine(ids, texts, bigs, smalls, flags, times, days, bytes).as(Row::new).list().ofMaxSize(30);
    }
}
