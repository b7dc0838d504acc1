package org.caseshare.exchange;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The secure hub's figures for oversight: counts of one organisation's packages, never what they hold or who they went to. */
@Service
public class PackageFigures {

    private final JdbcClient jdbc;

    PackageFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Packages the organisation sent that are still available and expire after {@code now} and no later
     * than {@code until}: after that the recipients can no longer download them.
     */
    public long expiring(UUID organisationId, Instant now, Instant until) {
        return jdbc.sql("select count(*) from hub_package where organisation_id = ? and status = 'SENT' and expires_at > ? and expires_at <= ?")
                .params(organisationId, Timestamp.from(now), Timestamp.from(until)).query(Long.class).single();
    }
}
