package org.caseshare.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.caseshare.system.Attachments;
import org.caseshare.system.Actor;
import org.caseshare.system.CsvDownload;
import org.caseshare.system.FormErrors;
import org.caseshare.system.NotFoundException;
import org.caseshare.system.PeopleNames;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The trail for data protection officers and organisation admins: their organisation's entries with
 * filters, a CSV export, the public key and latest checkpoint to keep elsewhere, and verification.
 */
@Controller
@RequestMapping("/audit")
class AuditController {

    // Role names of identity.Role; audit cannot import it (identity depends on audit).
    static final String DATA_PROTECTION_OFFICER = "DATA_PROTECTION_OFFICER";
    static final String ORGANISATION_ADMIN = "ORGANISATION_ADMIN";
    static final String SYSTEM_ADMIN = "SYSTEM_ADMIN";

    static final int PAGE_SIZE = 50;

    private final AuditSearch search;
    private final AuditKeys keys;
    private final AuditCheckpoints checkpoints;
    private final AuditVerification verification;
    private final AuditTrail audit;
    private final ObjectProvider<PeopleNames> people;

    AuditController(AuditSearch search, AuditKeys keys, AuditCheckpoints checkpoints, AuditVerification verification, AuditTrail audit,
            ObjectProvider<PeopleNames> people) {
        this.audit = audit;
        this.people = people;
        this.search = search;
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.verification = verification;
    }

    /** The filter form as typed, so it can be shown again with its errors. */
    record FilterForm(String actor, String action, String target, String from, String to) {
    }

    @GetMapping
    String list(Actor user, FilterForm form, @RequestParam(defaultValue = "0") int page, Model model) {
        requireOverseer(user);
        return page(user.organisationId(), "/audit", form, page, model);
    }

    /**
     * The system administrator's view: entries that belong to no organisation, such as failed
     * sign-ins with names no account has. The security chain admits only system administrators
     * to /system/**.
     */
    @GetMapping("/system")
    String system(Actor user, FilterForm form, @RequestParam(defaultValue = "0") int page, Model model) {
        requireSystemAdmin(user);
        return page(null, "/audit/system", form, page, model);
    }

    @GetMapping(value = "/system/export.csv")
    void systemExport(Actor user, FilterForm form, HttpServletResponse response) throws IOException {
        requireSystemAdmin(user);
        export(user, null, form, response);
    }

    private String page(UUID organisationId, String path, FilterForm form, int page, Model model) {
        FormErrors errors = FormErrors.none();
        AuditFilter filter = filter(organisationId, form, errors);
        int current = Math.max(page, 0);
        List<AuditEntry> entries = errors.isEmpty() ? search.page(filter, current, PAGE_SIZE) : List.of();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        List<AuditEntry> shown = entries.size() > PAGE_SIZE ? entries.subList(0, PAGE_SIZE) : entries;
        model.addAttribute("entries", shown);
        model.addAttribute("names", names(organisationId, shown));
        model.addAttribute("page", current);
        model.addAttribute("hasNext", entries.size() > PAGE_SIZE);
        model.addAttribute("verifierKey", keys.verifyingKey().verifierKey());
        model.addAttribute("latest", checkpoints.latest().orElse(null));
        model.addAttribute("path", path);
        model.addAttribute("systemScope", organisationId == null);
        return "audit/entries";
    }

    @GetMapping(value = "/export.csv")
    void export(Actor user, FilterForm form, HttpServletResponse response) throws IOException {
        requireOverseer(user);
        export(user, user.organisationId(), form, response);
    }

    private void export(Actor user, UUID organisationId, FilterForm form, HttpServletResponse response) throws IOException {
        FormErrors errors = FormErrors.none();
        AuditFilter filter = filter(organisationId, form, errors);
        if (!errors.isEmpty()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        long[] count = {0};
        try (CsvDownload csv = CsvDownload.start(response, "audit.csv",
                "seq", "occurred_at", "actor", "organisation", "action", "target", "outcome", "client_address", "details")) {
            search.each(filter, e -> {
                try {
                    csv.row(e.seq(), e.occurredAt(), e.actorId(), e.organisationId(), e.action(), e.target(),
                            e.outcome(), e.clientAddress(), e.details());
                    count[0]++;
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            });
        }
        // Recorded once the count is known; which filters were set, not their values (a target may name a case).
        audit.record(AuditEvent.success("audit.exported", user.actorId(), user.organisationId(), "audit-trail")
                .with("format", "csv").with("scope", organisationId == null ? "system" : "organisation").with("filters", setFields(form)).with("entries", Long.toString(count[0])));
    }

    private static String setFields(FilterForm form) {
        List<String> set = new ArrayList<>();
        String[][] fields = {{"actor", form.actor()}, {"action", form.action()}, {"target", form.target()}, {"from", form.from()},
            {"to", form.to()}};
        for (String[] field : fields) {
            if (field[1] != null && !field[1].isBlank()) {
                set.add(field[0]);
            }
        }
        return String.join(",", set);
    }

    @GetMapping(value = "/public-key.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    @ResponseBody
    ResponseEntity<String> publicKey(Actor user) {
        requireOverseer(user);
        // Every key that has signed for this log, current first: checkpoints from before a rotation verify with an older one.
        StringBuilder all = new StringBuilder();
        keys.verifyingKeys().forEach(key -> all.append(key.verifierKey()).append('\n'));
        return attachment("audit-public-key.txt", all.toString());
    }

    @GetMapping(value = "/checkpoint.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    @ResponseBody
    ResponseEntity<String> latestCheckpoint(Actor user) {
        requireOverseer(user);
        AuditCheckpoint latest = checkpoints.latest().orElseThrow(() -> new NotFoundException("Audit checkpoint"));
        return attachment(latest.fileName(), latest.signedNote());
    }

    @GetMapping("/verify")
    String verifyPage(Actor user) {
        requireOverseer(user);
        return "audit/verify";
    }

    @PostMapping("/verify")
    String verify(Actor user, Model model) {
        requireOverseer(user);
        model.addAttribute("report", verification.verify(List.of()));
        return "audit/verify";
    }

    private AuditFilter filter(UUID organisationId, FilterForm form, FormErrors errors) {
        LocalDate from = date(form.from(), "from", errors);
        LocalDate to = date(form.to(), "to", errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.addCode("to", "audit.error.to-before-from");
        }
        String actor = form.actor() == null ? "" : form.actor().strip();
        PeopleNames names = people.getIfAvailable();
        if (organisationId != null && !actor.isEmpty() && !looksLikeAnId(actor) && names != null) {
            // a name (or part of one): the entries of everyone in the organisation so named
            return new AuditFilter(organisationId, actor, form.action(), form.target(), from, to, names.actorIdsNamed(organisationId, actor));
        }
        return new AuditFilter(organisationId, form.actor(), form.action(), form.target(), from, to);
    }

    private static boolean looksLikeAnId(String text) {
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The names of the page's actors, by actor id; the system's own view has no organisation to name them in. */
    private Map<String, String> names(UUID organisationId, List<AuditEntry> entries) {
        PeopleNames names = people.getIfAvailable();
        if (organisationId == null || names == null || entries.isEmpty()) {
            return Map.of();
        }
        return names.names(organisationId, entries.stream().map(AuditEntry::actorId).filter(java.util.Objects::nonNull).toList());
    }

    private static LocalDate date(String value, String field, FormErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.addCode(field, "audit.error." + field);
            return null;
        }
    }

    /** The security chain already says so; this keeps it true if the chain's rules change. */
    private static void requireOverseer(Actor user) {
        if (user == null || !(user.hasRoleNamed(DATA_PROTECTION_OFFICER) || user.hasRoleNamed(ORGANISATION_ADMIN))) {
            throw new AccessDeniedException("Only data protection officers and organisation admins see the audit trail");
        }
    }

    private static void requireSystemAdmin(Actor user) {
        if (user == null || !user.hasRoleNamed(SYSTEM_ADMIN)) {
            throw new AccessDeniedException("Only system administrators see the entries of no organisation");
        }
    }

    private static ResponseEntity<String> attachment(String name, String text) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, Attachments.header(name))
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(text);
    }
}
