package org.caseshare.fhir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.caseshare.directory.Directory;
import org.caseshare.directory.Organisation;
import org.caseshare.identity.Role;
import org.caseshare.sharing.SharingDisclosures;
import org.caseshare.sharing.SharingRecord;
import org.caseshare.system.Actor;
import org.caseshare.system.Callers;
import org.caseshare.system.NotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register's disclosures for a health system to pull, as FHIR R4: {@code GET /api/v1/fhir/AuditEvent}
 * searches by {@code date} (prefixes eq, ge, gt, le, lt) and pages with {@code _count} and
 * {@code _offset}, answering a searchset Bundle; {@code /AuditEvent/{id}} reads one. Bearer-token (or
 * session) authenticated like the rest of {@code /api/v1}, for the organisation's own staff, and only
 * ever the caller's organisation: another organisation's record is not found. Errors are FHIR
 * OperationOutcomes, as a FHIR client expects, not problem details.
 */
@RestController
@RequestMapping("/api/v1/fhir/AuditEvent")
class AuditEventApiController {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");
    static final int DEFAULT_COUNT = 50;
    static final int MAX_COUNT = 100;

    private final SharingDisclosures disclosures;
    private final Directory directory;
    private final FhirExportAudit audit;
    private final Identifiers ids;
    private final DisclosureAuditEvents events;

    AuditEventApiController(SharingDisclosures disclosures, Directory directory, FhirExportAudit audit,
            @Value("${caseshare.base-url}") String baseUrl) {
        this.disclosures = disclosures;
        this.directory = directory;
        this.audit = audit;
        this.ids = new Identifiers(baseUrl);
        this.events = new DisclosureAuditEvents(ids);
    }

    @Callers("the organisation's staff")
    @GetMapping("/{id}")
    ResponseEntity<String> read(Actor user, @PathVariable String id) {
        staff(user);
        UUID recordId = uuid(id);
        SharingRecord record = disclosures.get(user.organisationId(), recordId);
        AuditEvent event = events.of(record, organisationName(user));
        audit.exported(user, List.of(recordId), "read");
        return fhir(HttpStatus.OK, event);
    }

    @Callers("the organisation's staff")
    @GetMapping
    ResponseEntity<String> search(Actor user, @RequestParam(name = "date", required = false) List<String> date,
            @RequestParam(name = "_count", required = false) String count, @RequestParam(name = "_offset", required = false) String offset) {
        staff(user);
        DateSearch range = DateSearch.of(date);
        int size = number(count, DEFAULT_COUNT, "_count");
        int from = number(offset, 0, "_offset");
        SharingDisclosures.Page page = disclosures.shared(user.organisationId(), range.from(), range.before(), from, Math.min(size, MAX_COUNT));
        String organisation = organisationName(user);
        Bundle bundle = new Bundle().setType(BundleType.SEARCHSET).setTotal((int) page.total());
        bundle.addLink().setRelation("self").setUrl(searchUrl(date, size, from));
        if (size > 0 && from + page.records().size() < page.total()) {
            bundle.addLink().setRelation("next").setUrl(searchUrl(date, size, from + page.records().size()));
        }
        List<UUID> exported = new ArrayList<>();
        for (SharingRecord record : size == 0 ? List.<SharingRecord>of() : page.records()) {
            bundle.addEntry().setFullUrl(ids.auditEvent(record.id())).setResource(events.of(record, organisation))
                    .getSearch().setMode(SearchEntryMode.MATCH);
            exported.add(record.id());
        }
        audit.exported(user, exported, "search");
        return fhir(HttpStatus.OK, bundle);
    }

    // ---- errors as OperationOutcomes -------------------------------------------------------------

    @ExceptionHandler(InvalidSearchException.class)
    ResponseEntity<String> invalid(InvalidSearchException e) {
        return outcome(HttpStatus.BAD_REQUEST, IssueType.INVALID, e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e) {
        return outcome(HttpStatus.NOT_FOUND, IssueType.NOTFOUND, "No AuditEvent with that id");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<String> denied(AccessDeniedException e) {
        return outcome(HttpStatus.FORBIDDEN, IssueType.FORBIDDEN, e.getMessage());
    }

    static ResponseEntity<String> outcome(HttpStatus status, IssueType type, String message) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(message);
        return fhir(status, outcome);
    }

    private static ResponseEntity<String> fhir(HttpStatus status, IBaseResource resource) {
        return ResponseEntity.status(status).contentType(FHIR_JSON).body(FhirJson.write(resource));
    }

    // ---- reading requests ------------------------------------------------------------------------

    /** As the register's API: the organisation's own staff, never partner users. */
    private static void staff(Actor user) {
        if (!(Role.PRACTITIONER.heldBy(user) || Role.MANAGER.heldBy(user) || Role.DATA_PROTECTION_OFFICER.heldBy(user)
                || Role.ORGANISATION_ADMIN.heldBy(user))) {
            throw new AccessDeniedException("The register is for the organisation's own staff");
        }
    }

    private String organisationName(Actor user) {
        return directory.organisation(user.organisationId()).map(Organisation::name).orElseThrow(() -> new NotFoundException("Organisation"));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("AuditEvent");
        }
    }

    private static int number(String text, int otherwise, String name) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidSearchException("Give " + name + " as a whole number, 0 or more");
    }

    private String searchUrl(List<String> dates, int count, int offset) {
        StringBuilder url = new StringBuilder(ids.installation()).append("/api/v1/fhir/AuditEvent?");
        for (String d : dates == null ? List.<String>of() : dates) {
            url.append("date=").append(URLEncoder.encode(d, StandardCharsets.UTF_8)).append('&');
        }
        return url.append("_count=").append(Math.min(count, MAX_COUNT)).append("&_offset=").append(offset).toString();
    }
}
