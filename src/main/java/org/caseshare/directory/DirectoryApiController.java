package org.caseshare.directory;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.caseshare.system.ApiValidationException;
import org.caseshare.system.Actor;
import org.caseshare.system.Callers;
import org.caseshare.system.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory API. Reading is for every member; changing is for organisation admins (403 for
 * others). Another tenant's entries are ‘not found’ (404) before any role check.
 */
@RestController
@RequestMapping(path = "/api/v1/directory", produces = "application/json")
class DirectoryApiController {

    private final Directory directory;
    private final MailDomainPolicy mailDomains;

    DirectoryApiController(Directory directory, MailDomainPolicy mailDomains) {
        this.directory = directory;
        this.mailDomains = mailDomains;
    }

    /** @param language {@code en} (when left out), {@code cy} or {@code both}: what Caseshare writes to the organisation in */
    record EntryRequest(String name, String kind, String language) {
    }

    record ContactPointRequest(String kind, String label, String telephone, String domain, Boolean secure, String department,
            String line1, String line2, String town, String postcode, String name, String jobTitle, String email) {

        ContactPointForm form() {
            return new ContactPointForm(label, telephone, domain, secure == null ? null : secure.toString(), department, line1, line2,
                    town, postcode, name, jobTitle, email);
        }
    }

    /** @param language {@code en}, {@code cy} or {@code both}: what Caseshare writes to the organisation in */
    record EntryResponse(UUID id, String name, OrganisationKind kind, String language, Instant createdAt,
            List<ContactPointResponse> contactPoints) {
        static EntryResponse of(DirectoryEntry entry) {
            return new EntryResponse(entry.id(), entry.name(), entry.kind(), entry.language().code(), entry.createdAt(),
                    entry.contactPoints().stream().map(ContactPointResponse::of).toList());
        }
    }

    record VerificationResponse(UUID verifiedBy, String verifiedByName, Instant verifiedAt) {
    }

    record ContactPointResponse(UUID id, ContactPointKind kind, String summary, Map<String, Object> details, boolean verified,
            VerificationResponse verification) {
        static ContactPointResponse of(ContactPoint point) {
            Verification v = point.verification();
            return new ContactPointResponse(point.id(), point.kind(), point.details().summary(), DirectoryApiController.details(point.details()), point.verified(),
                    v == null ? null : new VerificationResponse(v.verifiedBy(), v.verifiedByName(), v.verifiedAt()));
        }
    }

    record EmailCheckResponse(String address, String domain, EmailCheck.Verdict verdict, String reason, UUID entryId, String organisation) {
    }

    record TelephoneCheckResponse(String number, String display, TelephoneNumber.LineType lineType, TelephoneCheck.Verdict verdict,
            String advice) {
    }

    @Callers("members (own tenant's directory)")
    @GetMapping
    List<EntryResponse> search(Actor caller, @RequestParam(defaultValue = "") String q) {
        return directory.search(caller.organisationId(), q).stream().map(EntryResponse::of).toList();
    }

    @Callers("members (own tenant's directory)")
    @GetMapping("/{id}")
    EntryResponse entry(Actor caller, @PathVariable UUID id) {
        return EntryResponse.of(found(caller, id));
    }

    @Callers("organisation admins")
    @PostMapping
    ResponseEntity<EntryResponse> create(Actor caller, @RequestBody EntryRequest request) {
        requireAdmin(caller);
        OrganisationKind kind = organisationKind(request.kind());
        OrganisationLanguage language = request.language() == null ? OrganisationLanguage.ENGLISH
                : OrganisationLanguage.fromCode(request.language()).orElseThrow(
                        () -> new InvalidFieldException("language", "Choose the language of the organisation: one of en, cy, both"));
        DirectoryEntry entry = directory.addEntry(caller, request.name(), kind, language, List.of());
        return ResponseEntity.created(URI.create("/api/v1/directory/" + entry.id())).body(EntryResponse.of(entry));
    }

    @Callers("organisation admins")
    @PostMapping("/{id}/contact-points")
    ResponseEntity<ContactPointResponse> addContactPoint(Actor caller, @PathVariable UUID id, @RequestBody ContactPointRequest request) {
        found(caller, id);
        requireAdmin(caller);
        ContactPointKind kind = ContactPointKind.fromSlug(request.kind() == null ? "" : request.kind());
        ContactPoint point = directory.addContactPoint(caller, id, request.form().toDetails(kind, mailDomains));
        return ResponseEntity.created(URI.create("/api/v1/directory/" + id + "/contact-points/" + point.id()))
                .body(ContactPointResponse.of(point));
    }

    @Callers("organisation admins")
    @PostMapping("/{id}/contact-points/{pointId}/verify")
    ContactPointResponse verify(Actor caller, @PathVariable UUID id, @PathVariable UUID pointId) {
        return ContactPointResponse.of(directory.markVerified(caller, id, pointId));
    }

    @Callers("members")
    @GetMapping("/email-check")
    EmailCheckResponse emailCheck(Actor caller, @RequestParam String address) {
        EmailCheck check;
        try {
            check = directory.checkEmail(caller.organisationId(), address);
        } catch (IllegalArgumentException e) {
            throw new ApiValidationException(Map.of("address", e.getMessage()));
        }
        return new EmailCheckResponse(check.address(), check.domain(), check.verdict(), check.reason(), check.entryId(), check.organisationName());
    }

    @Callers("members")
    @GetMapping("/{id}/telephone-check")
    TelephoneCheckResponse telephoneCheck(Actor caller, @PathVariable UUID id, @RequestParam String number) {
        found(caller, id);
        TelephoneCheck check;
        try {
            check = directory.checkTelephone(caller.organisationId(), id, number);
        } catch (InvalidFieldException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ApiValidationException(Map.of("number", e.getMessage()));
        }
        return new TelephoneCheckResponse(check.number().digits(), check.number().display(), check.number().lineType(), check.verdict(),
                check.advice());
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<org.springframework.http.ProblemDetail> invalid(InvalidInputException e) {
        return problem(e.errors());
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<org.springframework.http.ProblemDetail> invalid(InvalidFieldException e) {
        return problem(Map.of(e.field(), e.getMessage()));
    }

    private static ResponseEntity<org.springframework.http.ProblemDetail> problem(Map<String, String> errors) {
        var problem = org.springframework.http.ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                ApiValidationException.INVALID_FIELDS);
        problem.setTitle("Invalid request");
        problem.setType(URI.create("https://caseshare.org/problems/invalid-request"));
        problem.setProperty("errors", errors);
        return ResponseEntity.unprocessableContent().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private DirectoryEntry found(Actor caller, UUID id) {
        return directory.entry(caller.organisationId(), id).orElseThrow(() -> new NotFoundException("Directory entry"));
    }

    private static void requireAdmin(Actor caller) {
        if (!caller.organisationAdmin()) {
            throw new AccessDeniedException("Only an organisation admin may change the directory");
        }
    }

    private static OrganisationKind organisationKind(String kind) {
        try {
            return OrganisationKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("kind", "Choose the kind of organisation: one of " + java.util.Arrays.toString(OrganisationKind.values()));
        }
    }

    private static Map<String, Object> details(ContactDetails details) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        if (details instanceof Switchboard s) {
            telephone(map, "telephone", s.number());
            map.put("label", s.label());
        } else if (details instanceof FaxNumber f) {
            telephone(map, "telephone", f.number());
            map.put("label", f.label());
        } else if (details instanceof SecureEmailDomain d) {
            map.put("domain", d.domain().value());
            map.put("secure", d.secure());
        } else if (details instanceof PostalAddress a) {
            map.put("department", a.department());
            map.put("line1", a.line1());
            map.put("line2", a.line2());
            map.put("town", a.town());
            map.put("postcode", a.postcode().value());
        } else if (details instanceof NamedContact c) {
            map.put("name", c.name());
            map.put("jobTitle", c.jobTitle());
            map.put("department", c.department());
            if (c.telephone() != null) {
                telephone(map, "telephone", c.telephone());
            }
            map.put("email", c.email() == null ? null : c.email().value());
        }
        map.values().removeIf(java.util.Objects::isNull);
        return map;
    }

    private static void telephone(Map<String, Object> map, String key, TelephoneNumber number) {
        map.put(key, number.display());
        map.put(key + "LineType", number.lineType());
    }
}
