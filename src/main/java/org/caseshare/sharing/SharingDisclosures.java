package org.caseshare.sharing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caseshare.system.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The register read as a list of disclosures: records whose information went out of the
 * organisation (we shared, or answered a request), by when it went. For exports that speak another
 * standard, such as FHIR AuditEvents for health partners. Always within one organisation.
 */
@Service
public class SharingDisclosures {

    /** Earliest and latest instants a search may ask for when it leaves a bound open. */
    public static final Instant BEGINNING = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant END = Instant.parse("9999-01-01T00:00:00Z");

    public record Page(long total, List<SharingRecord> records) {
    }

    private final SharingRecords records;

    SharingDisclosures(SharingRecords records) {
        this.records = records;
    }

    /** Disclosures shared at or after {@code from} and before {@code before}, oldest first. */
    public Page shared(UUID organisationId, Instant from, Instant before, int offset, int limit) {
        Instant lower = from.isBefore(BEGINNING) ? BEGINNING : from;
        Instant upper = before.isAfter(END) ? END : before;
        if (!lower.isBefore(upper)) {
            return new Page(0, List.of());
        }
        long total = records.countDisclosed(organisationId, lower, upper);
        List<SharingRecord> page = total <= offset ? List.of() : records.disclosed(organisationId, lower, upper, offset, limit);
        return new Page(total, page);
    }

    /** One disclosure of the organisation; another organisation's record, or one never disclosed, is not found. */
    public SharingRecord get(UUID organisationId, UUID id) {
        return records.find(organisationId, id)
                .filter(r -> r.sharedAt().isPresent() && r.content().direction() != Direction.REQUEST_MADE)
                .orElseThrow(() -> new NotFoundException("Disclosure"));
    }
}
