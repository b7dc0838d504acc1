package org.caseshare.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** One event for one endpoint, and how sending it has gone so far. Its id is the {@code webhook-id}. */
record Delivery(UUID id, UUID organisationId, UUID endpointId, String endpointUrl, String eventType, String payload, Instant createdAt,
        Status status, int attempts, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus, String lastError,
        Instant deliveredAt) {

    enum Status {
        PENDING, DELIVERED, FAILED
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    static Delivery map(ResultSet rs, int n) throws SQLException {
        Integer lastStatus = rs.getObject("last_status", Integer.class);
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class), rs.getObject("endpoint_id", UUID.class),
                rs.getString("url"), rs.getString("event_type"), rs.getString("payload"), instant(rs, "created_at"),
                Status.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"), instant(rs, "last_attempt_at"),
                lastStatus, rs.getString("last_error"), instant(rs, "delivered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
