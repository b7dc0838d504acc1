package org.caseshare.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The canonical bytes of an entry, the Merkle tree's leaf data (format described in
 * {@code package-info.java}). Any change to a stored field changes these bytes, and length
 * prefixes make field boundaries unambiguous, so no two different entries encode the same.
 */
final class AuditLeaf {

    static final byte VERSION = 1;
    static final byte SEAL_VERSION = (byte) 0x81;

    private AuditLeaf() {
    }

    static byte[] encode(AuditEntry entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(VERSION);
        writeLong(out, entry.seq());
        writeFields(out, entry);
        return out.toByteArray();
    }

    /**
     * The bytes an entry's seal covers: its id and every field but the sequence number, which it
     * does not have yet when it is sealed. A distinct first byte keeps them apart from leaf data.
     */
    static byte[] sealed(PendingEntry entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(SEAL_VERSION);
        writeString(out, entry.id().toString());
        writeFields(out, entry.sequencedAs(0));
        return out.toByteArray();
    }

    private static void writeFields(ByteArrayOutputStream out, AuditEntry entry) {
        writeLong(out, ChronoUnit.MICROS.between(Instant.EPOCH, entry.occurredAt()));
        writeString(out, entry.actorId());
        writeString(out, entry.organisationId() == null ? null : entry.organisationId().toString());
        writeString(out, entry.action());
        writeString(out, entry.target());
        writeString(out, entry.outcome());
        writeString(out, entry.clientAddress());
        writeString(out, entry.details());
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        if (value == null) {
            writeInt(out, -1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeInt(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static void writeLong(ByteArrayOutputStream out, long value) {
        writeInt(out, (int) (value >>> 32));
        writeInt(out, (int) value);
    }
}
