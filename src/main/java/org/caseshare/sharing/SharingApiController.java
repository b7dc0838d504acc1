package org.caseshare.sharing;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseshare.identity.Role;
import org.caseshare.policy.Authoriser;
import org.caseshare.policy.OrganisationType;
import org.caseshare.system.Actor;
import org.caseshare.system.ApiValidationException;
import org.caseshare.system.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The register over the API. Creating a record reads the same fields as "Record a share" through
 * {@link ShareFormReader}, so the messages match the page. Search by person or recipient is a POST
 * with a JSON body, so no personal data lands in a URL or an access log. Every change takes the
 * record's {@code version} (in the body, or as {@code If-Match}) and answers 409 when it is stale.
 */
@RestController
@RequestMapping(path = "/api/v1/sharing-records", produces = "application/json")
class SharingApiController {

    static final int MAX_PAGE_SIZE = 100;

    /** JSON names for the form's fields where they differ. */
    private static final Map<String, String> JSON_FIELDS = Map.of("subjectName", "subjects");

    private final SharingRegister register;
    private final RegisterSearch search;

    SharingApiController(SharingRegister register, RegisterSearch search) {
        this.register = register;
        this.search = search;
    }

    record StampResponse(UUID accountId, String name, Instant at) {
        static StampResponse of(Stamp stamp) {
            return stamp == null ? null : new StampResponse(stamp.accountId(), stamp.name(), stamp.at());
        }
    }

    record SubjectResponse(String name, LocalDate dateOfBirth, String reference, String nhsNumber) {
    }

    record RecipientResponse(UUID directoryEntryId, String organisation, String name, String jobTitle, String department,
            String telephone, String email, String address) {
    }

    record SafeguardResponse(String id, boolean confirmed, StampResponse confirmedBy) {
    }

    record PolicyResponse(int version, String sha256, String authoriser, String summary, List<SafeguardResponse> safeguards) {
    }

    record CallBackResponse(String number, boolean verified, StampResponse by) {
    }

    record EventResponse(String action, String label, StampResponse by, String note) {
    }

    record SharingRecordResponse(UUID id, int version, String status, String statusName, String direction,
            List<SubjectResponse> subjects, String information, List<String> categories, String marking, String descriptor,
            String urgency, String purpose, SharingDetails details, String decision, String decisionReasons, String channel,
            RecipientResponse recipient, String numberGiven, String numberCheck, PolicyResponse policy, StampResponse decidedBy,
            StampResponse authorisation, String refusalReason, CallBackResponse callBack, Instant sharedAt,
            Instant receiptConfirmedAt, Instant closedAt, Instant fullRecordDue, Instant fullRecordDoneAt, Instant updatedAt,
            List<EventResponse> timeline) {
    }

    record RowResponse(UUID id, Instant createdAt, String status, String direction, String channel, String marking,
            String recipientOrganisation, String recipientName, String people, String purpose, Instant sharedAt, String decidedBy,
            Instant fullRecordDue) {
    }

    /**
     * One page of the register. {@code total} is exact when {@code totalExact}; otherwise at least
     * that many match (counting stops at 10,000). {@code recipientMatch} says how a recipient filter
     * was applied: EXACT name, or CONTAINS the text (send {@code "recipientMatch": "contains"} to force it).
     */
    record PageResponse(long total, boolean totalExact, String recipientMatch, int page, int size, List<RowResponse> items) {
    }

    @Callers("the organisation's staff (not partner users)")
    @PostMapping(consumes = "application/json")
    ResponseEntity<SharingRecordResponse> create(Actor user, @RequestBody JsonNode body) {
        staff(user);
        ShareForm form = form(body);
        SharingRegister.Created created = register.record(form, user);
        if (!created.valid()) {
            Map<String, String> errors = new LinkedHashMap<>();
            created.errors().forEach((field, message) -> errors.putIfAbsent(JSON_FIELDS.getOrDefault(field, field), message));
            throw new ApiValidationException("The request has invalid fields", errors);
        }
        SharingRecord record = register.get(user.organisationId(), created.id());
        if (created.alreadyRecorded()) {
            return withVersion(ResponseEntity.ok(), record);
        }
        return withVersion(ResponseEntity.created(URI.create("/api/v1/sharing-records/" + record.id())), record);
    }

    @Callers("the organisation's staff (not partner users)")
    @GetMapping("/{id}")
    ResponseEntity<SharingRecordResponse> get(Actor user, @PathVariable UUID id) {
        staff(user);
        return withVersion(ResponseEntity.ok(), register.get(user.organisationId(), id));
    }

    /** The register filtered by what identifies nobody: status, channel, marking, recipient type, lawful basis and dates. */
    @Callers("the organisation's staff (not partner users)")
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
    @Callers("the organisation's staff (not partner users)")
    @PostMapping(path = "/search", consumes = "application/json")
    PageResponse search(Actor user, @RequestBody JsonNode body) {
        staff(user);
        object(body);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> params = new LinkedHashMap<>();
        for (String field : List.of("person", "recipient", "recipientMatch", "status", "channel", "marking", "recipientType",
                "lawfulBasis", "from", "to", "sort", "order", "page", "size")) {
            JsonNode node = body.get(field);
            if (node == null || node.isNull()) {
                continue;
            }
            if (node.isString() || (node.isIntegralNumber() && (field.equals("page") || field.equals("size")))) {
                params.put(field, node.asString());
            } else {
                errors.put(field, "Give " + field + " as text");
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiValidationException("The request has invalid fields", errors);
        }
        return page(user, params);
    }

    @Callers("the authoriser the record's policy names (a manager or the DPO)")
    @PostMapping("/{id}/authorise")
    ResponseEntity<SharingRecordResponse> authorise(Actor user, @PathVariable UUID id,
            @RequestBody(required = false) JsonNode body, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        authoriser(user, id);
        return withVersion(ResponseEntity.ok(), register.authorise(user, id, version(body, ifMatch)));
    }

    @Callers("the authoriser the record's policy names (a manager or the DPO)")
    @PostMapping("/{id}/refuse")
    ResponseEntity<SharingRecordResponse> refuse(Actor user, @PathVariable UUID id,
            @RequestBody(required = false) JsonNode body, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        authoriser(user, id);
        String reason = required(body, "reason", "Enter why the share is refused");
        return withVersion(ResponseEntity.ok(), register.refuse(user, id, version(body, ifMatch), reason));
    }

    @Callers("the organisation's staff (not partner users)")
    @PostMapping("/{id}/safeguards/{safeguardId}/confirm")
    ResponseEntity<SharingRecordResponse> confirmSafeguard(Actor user, @PathVariable UUID id,
            @PathVariable String safeguardId, @RequestBody(required = false) JsonNode body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        staff(user);
        return withVersion(ResponseEntity.ok(), register.confirmSafeguard(user, id, version(body, ifMatch), safeguardId));
    }

    /** For a request received: the result of calling the requester back on their organisation's switchboard. */
    @Callers("the organisation's staff (not partner users)")
    @PostMapping("/{id}/call-back")
    ResponseEntity<SharingRecordResponse> callBack(Actor user, @PathVariable UUID id,
            @RequestBody(required = false) JsonNode body, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        visible(user, id);
        Map<String, String> errors = new LinkedHashMap<>();
        String number = text(body, "number", errors);
        if (number == null && !errors.containsKey("number")) {
            errors.put("number", "Enter the number you called back on");
        }
        JsonNode verified = body == null ? null : body.get("verified");
        if (verified == null || !verified.isBoolean()) {
            errors.put("verified", "Give verified as true (the caller is who they said) or false");
        }
        String note = text(body, "note", errors);
        if (!errors.isEmpty()) {
            throw new ApiValidationException("The request has invalid fields", errors);
        }
        return withVersion(ResponseEntity.ok(), register.recordCallBack(user, id, version(body, ifMatch), number,
                verified.asBoolean(), note));
    }

    @Callers("the organisation's staff (not partner users)")
    @PostMapping("/{id}/share")
    ResponseEntity<SharingRecordResponse> share(Actor user, @PathVariable UUID id,
            @RequestBody(required = false) JsonNode body, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        staff(user);
        return withVersion(ResponseEntity.ok(), register.share(user, id, version(body, ifMatch)));
    }

    @Callers("the organisation's staff (not partner users)")
    @PostMapping("/{id}/confirm-receipt")
    ResponseEntity<SharingRecordResponse> confirmReceipt(Actor user, @PathVariable UUID id,
            @RequestBody(required = false) JsonNode body, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        staff(user);
        return withVersion(ResponseEntity.ok(), register.confirmReceipt(user, id, version(body, ifMatch)));
    }

    @Callers("the organisation's staff (not partner users)")
    @PostMapping("/{id}/close")
    ResponseEntity<SharingRecordResponse> close(Actor user, @PathVariable UUID id,
            @RequestBody(required = false) JsonNode body, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        staff(user);
        return withVersion(ResponseEntity.ok(), register.close(user, id, version(body, ifMatch)));
    }

    @Callers("the organisation's staff (not partner users)")
    @PostMapping("/{id}/decline")
    ResponseEntity<SharingRecordResponse> decline(Actor user, @PathVariable UUID id,
            @RequestBody(required = false) JsonNode body, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        visible(user, id);
        String reasons = required(body, "reasons", "Enter why the information is not being shared");
        return withVersion(ResponseEntity.ok(), register.decline(user, id, version(body, ifMatch), reasons));
    }

    @Callers("the organisation's staff (not partner users)")
    @PostMapping("/{id}/cancel")
    ResponseEntity<SharingRecordResponse> cancel(Actor user, @PathVariable UUID id,
            @RequestBody(required = false) JsonNode body, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        visible(user, id);
        Map<String, String> errors = new LinkedHashMap<>();
        String reason = text(body, "reason", errors);
        if (!errors.isEmpty()) {
            throw new ApiValidationException("The request has invalid fields", errors);
        }
        return withVersion(ResponseEntity.ok(), register.cancel(user, id, version(body, ifMatch), reason));
    }

    @ExceptionHandler(StaleRecordException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail stale(StaleRecordException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Someone else changed this record since you read it. Read it again, then repeat your change if it still applies.");
        problem.setTitle("Changed by someone else");
        problem.setType(URI.create("https://caseshare.org/problems/stale-record"));
        return problem;
    }

    @ExceptionHandler(SharingRefusedException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail refused(SharingRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not allowed now");
        problem.setType(URI.create("https://caseshare.org/problems/not-allowed-now"));
        return problem;
    }

    // ---- reading requests -----------------------------------------------------------------------

    /** The register is for the organisation's own staff, never partner users (as on the pages). */
    private static void staff(Actor user) {
        if (!(Role.PRACTITIONER.heldBy(user) || Role.MANAGER.heldBy(user) || Role.DATA_PROTECTION_OFFICER.heldBy(user)
                || Role.ORGANISATION_ADMIN.heldBy(user))) {
            throw new AccessDeniedException("The register is for the organisation's own staff");
        }
    }

    /** Another organisation's record is not found before anything about the request is judged, so nothing leaks. */
    private void visible(Actor user, UUID id) {
        staff(user);
        register.get(user.organisationId(), id);
    }

    /** Only the role the record's policy names may authorise or refuse it; another organisation's record is not found first. */
    private void authoriser(Actor user, UUID id) {
        staff(user);
        SharingRecord record = register.get(user.organisationId(), id);
        Authoriser needed = record.policy().authoriser().orElse(null);
        if (needed == null) {
            return; // the record says why: it needs no authorisation (409)
        }
        boolean may = needed == Authoriser.MANAGER ? Role.MANAGER.heldBy(user) : Role.DATA_PROTECTION_OFFICER.heldBy(user);
        if (!may) {
            throw new AccessDeniedException("Only a " + needed.displayName().toLowerCase() + " can authorise this share");
        }
    }


    private static void object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiValidationException("Send a JSON object");
        }
    }

    /** The expected version: {@code If-Match} (an entity tag such as "3" or W/"3"), or the body's {@code version}. */
    static Integer version(JsonNode body, String ifMatch) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "").strip();
            try {
                return Integer.valueOf(tag);
            } catch (NumberFormatException e) {
                throw new ApiValidationException("The request has invalid fields",
                        Map.of("If-Match", "Give If-Match as the record's version, as its ETag header gave it"));
            }
        }
        if (body == null || !body.isObject()) {
            if (body != null && !body.isNull() && !body.isMissingNode()) {
                throw new ApiValidationException("Send a JSON object");
            }
            return null;
        }
        JsonNode version = body.get("version");
        if (version == null || version.isNull()) {
            return null;
        }
        if (!version.isIntegralNumber()) {
            throw new ApiValidationException("The request has invalid fields",
                    Map.of("version", "Give version as the whole number the record showed when you read it"));
        }
        return version.asInt();
    }

    private static String required(JsonNode body, String field, String missing) {
        Map<String, String> errors = new LinkedHashMap<>();
        String value = text(body, field, errors);
        if (value == null && !errors.containsKey(field)) {
            errors.put(field, missing);
        }
        if (!errors.isEmpty()) {
            throw new ApiValidationException("The request has invalid fields", errors);
        }
        return value;
    }

    /** A field's text, or null; a number or list where words belong is reported, not guessed at. */
    private static String text(JsonNode body, String field, Map<String, String> errors) {
        if (body == null || !body.isObject()) {
            return null;
        }
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            errors.putIfAbsent(field, "Give " + field + " as text");
            return null;
        }
        return node.asString().isBlank() ? null : node.asString();
    }

    /** The JSON of a new record as the form's fields; people are a list of {name, dateOfBirth, reference, nhsNumber}. */
    private static ShareForm form(JsonNode body) {
        object(body);
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<String> births = new ArrayList<>();
        List<String> references = new ArrayList<>();
        List<String> nhsNumbers = new ArrayList<>();
        JsonNode subjects = body.get("subjects");
        if (subjects != null && !subjects.isNull()) {
            if (!subjects.isArray()) {
                errors.put("subjects", "Give the people as a list, such as [{\"name\": \"…\", \"dateOfBirth\": \"2015-03-27\", \"reference\": \"…\"}]");
            } else {
                for (JsonNode subject : subjects) {
                    if (!subject.isObject()) {
                        errors.putIfAbsent("subjects", "Give each person as an object with name, dateOfBirth and reference");
                        continue;
                    }
                    names.add(orEmpty(text(subject, "name", errors)));
                    births.add(orEmpty(text(subject, "dateOfBirth", errors)));
                    references.add(orEmpty(text(subject, "reference", errors)));
                    nhsNumbers.add(orEmpty(text(subject, "nhsNumber", errors)));
                }
            }
        }
        List<String> categories = new ArrayList<>();
        JsonNode categoryNode = body.get("categories");
        if (categoryNode != null && !categoryNode.isNull()) {
            if (categoryNode.isArray()) {
                categoryNode.forEach(c -> categories.add(c.isString() ? c.asString() : ""));
            } else if (categoryNode.isString()) {
                categories.add(categoryNode.asString());
            } else {
                errors.put("categories", "Give the kinds of information as a list, such as [\"PERSONAL\", \"SPECIAL_CATEGORY\"]");
            }
        }
        String consentWithdrawn;
        JsonNode withdrawn = body.get("consentWithdrawn");
        if (withdrawn != null && withdrawn.isBoolean()) {
            consentWithdrawn = withdrawn.asBoolean() ? "yes" : "";
        } else {
            consentWithdrawn = text(body, "consentWithdrawn", errors);
        }
        String consentSought;
        JsonNode sought = body.get("consentSought");
        if (sought != null && sought.isBoolean()) {
            consentSought = sought.asBoolean() ? "yes" : "no";
        } else {
            consentSought = text(body, "consentSought", errors);
        }
        ShareForm form = new ShareForm(text(body, "formToken", errors), null, text(body, "direction", errors), names, births, references,
                text(body, "information", errors), categories, text(body, "marking", errors), text(body, "urgency", errors),
                text(body, "purpose", errors), text(body, "necessity", errors), text(body, "lawfulBasis", errors),
                text(body, "article9Condition", errors), text(body, "article10Condition", errors), text(body, "statutoryGateway", errors),
                consentSought, text(body, "consentNotSought", errors), text(body, "consentNotSoughtOther", errors),
                text(body, "consentGivenBy", errors), text(body, "consentCapacity", errors), text(body, "consentLimits", errors),
                consentWithdrawn, text(body, "adviceFrom", errors), text(body, "adviceSummary", errors), text(body, "decision", errors),
                text(body, "decisionReasons", errors), text(body, "channel", errors), text(body, "recipientEntry", errors),
                text(body, "recipientType", errors), text(body, "recipientOrganisation", errors), text(body, "recipientName", errors),
                text(body, "recipientJobTitle", errors), text(body, "recipientDepartment", errors), text(body, "recipientTelephone", errors),
                text(body, "recipientEmail", errors), text(body, "recipientAddress", errors), text(body, "numberGiven", errors),
                text(body, "personInformed", errors), text(body, "personInformedOn", errors), text(body, "personNotInformedWhy", errors),
                text(body, "reviewDate", errors), nhsNumbers);
        if (!errors.isEmpty()) {
            throw new ApiValidationException("The request has invalid fields", errors);
        }
        return form;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
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
            throw new ApiValidationException("The request has invalid fields", errors);
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

    // ---- answering ------------------------------------------------------------------------------

    private static ResponseEntity<SharingRecordResponse> withVersion(ResponseEntity.BodyBuilder builder, SharingRecord record) {
        return builder.eTag("\"" + record.version() + "\"").body(response(record));
    }

    static SharingRecordResponse response(SharingRecord r) {
        SharingRecord.Content c = r.content();
        Recipient to = c.recipient();
        List<SafeguardResponse> safeguards = r.policy().requiredSafeguards().stream()
                .map(s -> new SafeguardResponse(s, r.confirmations().containsKey(s), StampResponse.of(r.confirmations().get(s))))
                .toList();
        return new SharingRecordResponse(r.id(), r.version(), r.status().name(), r.status().displayName(), c.direction().name(),
                c.subjects().stream().map(s -> new SubjectResponse(s.name(), s.dateOfBirth(), s.localReference(),
                        s.nhsNumber() == null ? null : s.nhsNumber().digits())).toList(),
                c.information(), c.categories().stream().map(Enum::name).sorted().toList(), c.marking().name(),
                c.descriptor() == null ? null : c.descriptor().name(), c.urgency().name(), c.purpose(), c.details(), c.decision().name(),
                c.decisionReasons(), c.channel().name(),
                new RecipientResponse(to.entryId(), to.organisation(), to.name(), to.jobTitle(), to.department(), to.telephone(),
                        to.email(), to.address()),
                c.numberGiven(), c.numberCheck(),
                new PolicyResponse(r.policy().version().number(), r.policy().version().sha256(),
                        r.policy().authoriser().map(Enum::name).orElse(null), r.policy().summary(), safeguards),
                StampResponse.of(r.decidedBy()), r.authorisation().map(StampResponse::of).orElse(null), r.refusalReason().orElse(null),
                r.callBack().map(b -> new CallBackResponse(b.number(), b.verified(), StampResponse.of(b.by()))).orElse(null),
                r.sharedAt().orElse(null), r.receiptConfirmedAt().orElse(null), r.closedAt().orElse(null),
                r.fullRecordDue().orElse(null), r.fullRecordDoneAt().orElse(null), r.updatedAt(),
                r.timeline().stream().map(e -> new EventResponse(e.action(), TimelineLabels.label(e.action()), StampResponse.of(e.by()),
                        e.note())).toList());
    }
}
