package org.caseshare.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A registered endpoint as stored, without its secret. Removed ones receive nothing more. */
record Endpoint(UUID id, UUID organisationId, String url, String description, List<EventType> eventTypes, Instant createdAt,
        Instant removedAt) {

    public boolean active() {
        return removedAt == null;
    }

    public List<String> eventTypeNames() {
        return eventTypes.stream().map(EventType::typeName).toList();
    }

    static String store(List<EventType> types) {
        return String.join(",", types.stream().map(EventType::typeName).toList());
    }

    static Endpoint map(ResultSet rs, int n) throws SQLException {
        List<EventType> types = Arrays.stream(rs.getString("event_types").split(",")).map(EventType::named)
                .flatMap(Optional::stream).toList();
        Timestamp removed = rs.getTimestamp("removed_at");
        return new Endpoint(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class), rs.getString("url"),
                rs.getString("description"), types, rs.getTimestamp("created_at").toInstant(), removed == null ? null : removed.toInstant());
    }
}
