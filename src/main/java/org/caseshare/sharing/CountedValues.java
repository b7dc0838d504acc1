package org.caseshare.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.caseshare.sharing.RegisterFigures.By;

/**
 * What the register's totals ({@link RegisterTotals}) count of one record: the UTC day it was made
 * (the day the register's date filters use) and its value in each counted column, {@code NONE} for a
 * recipient type or lawful basis not recorded; a request received whose caller was verified by calling
 * back also counts under {@link RegisterTotals#VERIFIED_BY_CALL_BACK}.
 */
record CountedValues(LocalDate day, Map<String, String> values, String recipientLabel) {

    private static final String VERIFIED = "VERIFIED";

    /** The recipient organisation's name as written, for its row's label; nothing for other columns. */
    String label(String counted) {
        return counted.equals(By.RECIPIENT_ORGANISATION.name()) ? recipientLabel : null;
    }

    /** As the register is about to write the record (the recipient's key as SharingRecords writes recipient_org_key). */
    static CountedValues of(SharingRecord record, LocalDate day) {
        SharingRecord.Content c = record.content();
        boolean verified = record.callBack().map(CallBack::verified).orElse(false);
        return of(day, record.status().name(), c.channel().name(), c.marking().name(), c.direction().name(),
                c.recipient().organisation().strip().toLowerCase(Locale.ROOT), c.recipient().organisation(), c.recipientType() == null ? null : c.recipientType().name(),
                c.details().lawfulBasis() == null ? null : c.details().lawfulBasis().name(), verified);
    }

    /** As the register holds the record: a row of sharing_record. */
    static CountedValues of(ResultSet rs) throws SQLException {
        return of(day(rs.getTimestamp("created_at").toInstant()), rs.getString("status"), rs.getString("channel"), rs.getString("marking"),
                rs.getString("direction"), rs.getString("recipient_org_key"), rs.getString("recipient_organisation"), rs.getString("recipient_type"), rs.getString("lawful_basis"),
                VERIFIED.equals(rs.getString("call_back_outcome")));
    }

    /** As a deleted record's tombstone keeps it: no recipient organisation, no call-back. */
    static CountedValues tombstone(SharingErasure.Facts facts) {
        Map<String, String> values = new TreeMap<>();
        values.put(By.STATUS.name(), orNone(facts.status()));
        values.put(By.CHANNEL.name(), orNone(facts.channel()));
        values.put(By.MARKING.name(), orNone(facts.marking()));
        values.put(By.DIRECTION.name(), orNone(facts.direction()));
        values.put(By.RECIPIENT_TYPE.name(), orNone(facts.recipientKind()));
        values.put(By.LAWFUL_BASIS.name(), orNone(facts.lawfulBasis()));
        return new CountedValues(day(facts.createdAt()), values, null);
    }

    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static CountedValues of(LocalDate day, String status, String channel, String marking, String direction, String recipientKey,
            String recipient, String recipientType, String lawfulBasis, boolean verified) {
        Map<String, String> values = new TreeMap<>();
        values.put(By.STATUS.name(), status);
        values.put(By.CHANNEL.name(), channel);
        values.put(By.MARKING.name(), marking);
        values.put(By.DIRECTION.name(), direction);
        values.put(By.RECIPIENT_ORGANISATION.name(), recipientKey);
        values.put(By.RECIPIENT_TYPE.name(), orNone(recipientType));
        values.put(By.LAWFUL_BASIS.name(), orNone(lawfulBasis));
        if (verified && Direction.REQUEST_RECEIVED.name().equals(direction)) {
            values.put(RegisterTotals.VERIFIED_BY_CALL_BACK, VERIFIED);
        }
        return new CountedValues(day, values, recipient);
    }

    private static String orNone(String value) {
        return value == null ? RegisterSearch.NOT_RECORDED : value;
    }
}
