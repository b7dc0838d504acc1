package org.caseshare.sharing;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import org.caseshare.identity.Role;
import org.caseshare.policy.OrganisationType;
import org.caseshare.sharing.SharingApiResponses.PageResponse;
import org.caseshare.sharing.SharingApiResponses.RowResponse;
import org.caseshare.sharing.SharingApiResponses.SharingRecordResponse;
import org.caseshare.system.Actor;
import org.caseshare.system.ApiValidationException;
import org.caseshare.system.Callers;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.caseshare.sharing.SharingApiResponses.withVersion;

/**
 * The register over the API: recording, reading and finding records ({@link SharingActionsApiController}
 * takes them through their lifecycle). Creating a record reads the same fields as "Record a share"
 * through {@link ShareFormReader}, so the messages match the page. Search by person or recipient is a
 * POST with a JSON body, so no personal data lands in a URL or an access log.
 */
@RestController
@RequestMapping(path = "/api/v1/sharing-records", produces = "application/json")
class SharingApiController {

    static final int MAX_PAGE_SIZE = 100;
    static final String STAFF = "the organisation's staff (not partner users)";

    /** JSON names for the form's fields where they differ. */
    private static final Map<String, String> JSON_FIELDS = Map.of("subjectName", "subjects");

    private final SharingRegister register;
    private final RegisterSearch search;

    SharingApiController(SharingRegister register, RegisterSearch search) {
        this.register = register;
        this.search = search;
    }

    @Callers(STAFF)
    @PostMapping(consumes = "application/json")
    ResponseEntity<SharingRecordResponse> create(Actor user, @RequestBody SharingApiRequests.NewRecord body) {
        staff(user);
        SharingRegister.Created created = register.record(body.form(), user);
        if (!created.valid()) {
            Map<String, String> errors = new LinkedHashMap<>();
            created.errors().forEach((field, message) -> errors.putIfAbsent(JSON_FIELDS.getOrDefault(field, field), message));
            throw new ApiValidationException(errors);
        }
        SharingRecord record = register.get(user.organisationId(), created.id());
        if (created.alreadyRecorded()) {
            return withVersion(ResponseEntity.ok(), record);
        }
        return withVersion(ResponseEntity.created(URI.create("/api/v1/sharing-records/" + record.id())), record);
    }

    @Callers(STAFF)
    @GetMapping("/{id}")
    ResponseEntity<SharingRecordResponse> get(Actor user, @PathVariable UUID id) {
        staff(user);
        return withVersion(ResponseEntity.ok(), register.get(user.organisationId(), id));
    }

    /** The register filtered by what identifies nobody: status, channel, marking, recipient type, lawful basis and dates. */
    @Callers(STAFF)
    @GetMapping
    PageResponse list(Actor user, @RequestParam(required = false) String status,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String marking,
            @RequestParam(required = false) String recipientType, @RequestParam(required = false) String lawfulBasis,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String order,
            @RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "25") String size) {
        staff(user);
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "status", status);
        put(params, "channel", channel);
        put(params, "marking", marking);
        put(params, "recipientType", recipientType);
        put(params, "lawfulBasis", lawfulBasis);
        put(params, "from", from);
        put(params, "to", to);
        put(params, "sort", sort);
        put(params, "order", order);
        put(params, "page", page);
        put(params, "size", size);
        return page(user, params);
    }

    /** The register searched by person (name or case reference) or recipient organisation: a body, never a URL. */
    @Callers(STAFF)
    @PostMapping(path = "/search", consumes = "application/json")
    PageResponse search(Actor user, @Valid @RequestBody SharingApiRequests.Search body) {
        staff(user);
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "person", body.person());
        put(params, "recipient", body.recipient());
        put(params, "recipientMatch", body.recipientMatch());
        put(params, "status", body.status());
        put(params, "channel", body.channel());
        put(params, "marking", body.marking());
        put(params, "recipientType", body.recipientType());
        put(params, "lawfulBasis", body.lawfulBasis());
        put(params, "from", body.from());
        put(params, "to", body.to());
        put(params, "sort", body.sort());
        put(params, "order", body.order());
        put(params, "page", body.page() == null ? null : body.page().toString());
        put(params, "size", body.size() == null ? null : body.size().toString());
        return page(user, params);
    }

    /** The register is for the organisation's own staff, never partner users (as on the pages). */
    static void staff(Actor user) {
        if (!(Role.PRACTITIONER.heldBy(user) || Role.MANAGER.heldBy(user) || Role.DATA_PROTECTION_OFFICER.heldBy(user)
                || Role.ORGANISATION_ADMIN.heldBy(user))) {
            throw new AccessDeniedException("The register is for the organisation's own staff");
        }
    }

    private static void put(Map<String, String> params, String key, String value) {
        if (value != null) {
            params.put(key, value);
        }
    }

    private PageResponse page(Actor user, Map<String, String> params) {
        Map<String, String> errors = new LinkedHashMap<>();
        int page = whole(params.get("page"), 0, "page", "Give page as a whole number from 0", errors);
        int size = whole(params.get("size"), 25, "size", "Give size as a whole number from 1 to " + MAX_PAGE_SIZE, errors);
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.putIfAbsent("size", "Give size as a whole number from 1 to " + MAX_PAGE_SIZE);
        }
        if (page < 0) {
            errors.putIfAbsent("page", "Give page as a whole number from 0");
        }
        LocalDate from = date(params.get("from"), "from", errors);
        LocalDate to = date(params.get("to"), "to", errors);
        String status = params.get("status");
        String match = params.get("recipientMatch");
        if (match != null && !match.isBlank() && !match.equals("contains") && !match.equals("exact")) {
            errors.put("recipientMatch", "Give recipientMatch as exact or contains");
        }
        if (status != null && !status.isBlank() && java.util.Arrays.stream(Status.values()).noneMatch(s -> s.name().equals(status.strip()))) {
            errors.put("status", "Give status as one of " + java.util.Arrays.toString(Status.values()));
        }
        String recipientType = oneOf(params.get("recipientType"), OrganisationType.values(), "recipientType", errors);
        String lawfulBasis = oneOf(params.get("lawfulBasis"), LawfulBasis.values(), "lawfulBasis", errors);
        if (!errors.isEmpty()) {
            throw new ApiValidationException(errors);
        }
        RegisterSearch.Filter filter = new RegisterSearch.Filter(params.get("person"), params.get("recipient"),
                "contains".equals(params.get("recipientMatch")), params.get("channel"), params.get("marking"), status, from, to,
                params.get("sort"), "asc".equals(params.get("order")), params.get("direction"), recipientType, lawfulBasis);
        RegisterSearch.Count total = search.count(user.organisationId(), filter);
        List<RowResponse> items = search.search(user.organisationId(), filter, page, size).stream()
                .map(r -> new RowResponse(r.id(), r.createdAt(), r.status().name(), r.direction().name(), r.channel(), r.marking(),
                        r.recipientOrganisation(), r.recipientName(), r.people(), r.purpose(), r.sharedAt(), r.decidedBy(), r.fullRecordDue()))
                .toList();
        return new PageResponse(total.value(), total.exact(), search.recipientMatch(user.organisationId(), filter).name(), page, size,
                items);
    }

    /** A filter that must name one of the values, or NONE for records with none recorded; blank means any. */
    private static String oneOf(String text, Enum<?>[] values, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (!value.equals(RegisterSearch.NOT_RECORDED) && java.util.Arrays.stream(values).noneMatch(v -> v.name().equals(value))) {
            errors.put(field, "Give " + field + " as one of " + java.util.Arrays.toString(values) + " or " + RegisterSearch.NOT_RECORDED);
            return null;
        }
        return value;
    }

    private static int whole(String text, int otherwise, String field, String message, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, message);
            return otherwise;
        }
    }

    private static LocalDate date(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return ShareFormReader.date(text).orElseGet(() -> {
            errors.put(field, "Give " + field + " as a real date, like 2027-03-27");
            return null;
        });
    }
}
