package org.caseshare.sharing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.document.DocumentLanguage;
import org.caseshare.document.RecordSummaryDocument;
import org.caseshare.document.UnprintableCharacterException;
import org.caseshare.identity.Role;
import org.caseshare.policy.Channel;
import org.caseshare.policy.Marking;
import org.caseshare.policy.OrganisationType;
import org.caseshare.system.Actor;
import org.caseshare.system.Attachments;
import org.caseshare.system.Catalogue;
import org.caseshare.system.CsvDownload;
import org.caseshare.system.Text;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Finding records: the register with its filters (posted, so a person's name never lands in a URL),
 * its CSV export, the subject view, the authorisation queue and overdue emergency records.
 */
@Controller
@RequestMapping("/sharing")
class RegisterController {

    /** The register's filter fields, in the order the audit entry of an export lists those that were set. */
    private static final List<String> FILTER_FIELDS = List.of("person", "recipient", "recipientMatch", "channel", "marking", "status",
            "direction", "recipientType", "lawfulBasis", "from", "to", "sort", "order");

    private final RegisterSearch search;
    private final java.time.Clock clock;
    private final AuditTrail audit;

    RegisterController(RegisterSearch search, java.time.Clock clock, AuditTrail audit) {
        this.search = search;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * The register, filtered by a link (the oversight figures link here): any filter but the person,
     * whose name must never be in a URL.
     */
    @GetMapping
    String register(Actor user, @RequestParam Map<String, String> params, Model model) {
        Map<String, String> linked = new HashMap<>(params);
        linked.remove("person");
        return list(user, linked, model);
    }

    @PostMapping
    String filtered(Actor user, @RequestParam Map<String, String> params, Model model) {
        return list(user, params, model);
    }

    @PostMapping(path = "/export.csv")
    void export(Actor user, @RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        List<RegisterSearch.Row> rows = search.search(user.organisationId(), filter(params), 0, 100_000);
        // Which filters were set, never what they held: a person's name may be one of them.
        String filters = FILTER_FIELDS.stream().filter(field -> params.get(field) != null && !params.get(field).isBlank())
                .collect(Collectors.joining(","));
        audit.record(AuditEvent.success("sharing.register-exported", user.accountId().toString(), user.organisationId(), "register")
                .with("format", "csv").with("filters", filters).with("records", Integer.toString(rows.size())));
        csv(response, "sharing-register.csv", rows);
    }

    @GetMapping("/subjects")
    String subjects(Model model) {
        model.addAttribute("rows", null);
        model.addAttribute("reference", "");
        model.addAttribute("name", "");
        return "sharing/subjects";
    }

    @PostMapping("/subjects")
    String subject(Actor user, @RequestParam(defaultValue = "") String reference,
            @RequestParam(defaultValue = "") String name, Model model) {
        model.addAttribute("reference", reference);
        model.addAttribute("name", name);
        if (reference.isBlank() && name.isBlank()) {
            model.addAttribute("error", Text.of("sharing.error.subject-search"));
            model.addAttribute("rows", null);
        } else {
            model.addAttribute("rows", search.aboutSubject(user.organisationId(), reference, name));
        }
        return "sharing/subjects";
    }

    @PostMapping(path = "/subjects.csv")
    void subjectCsv(Actor user, @RequestParam(defaultValue = "") String reference,
            @RequestParam(defaultValue = "") String name, HttpServletResponse response) throws IOException {
        List<RegisterSearch.Row> rows = reference.isBlank() && name.isBlank() ? List.of()
                : search.aboutSubject(user.organisationId(), reference, name);
        exported(user, "csv", rows);
        csv(response, "subject-disclosures.csv", rows);
    }

    /** The subject view printed, for a subject access response; an empty search gets the page's error instead. */
    @PostMapping(path = "/subjects.pdf")
    String subjectPdf(Actor user, @RequestParam(defaultValue = "") String reference,
            @RequestParam(defaultValue = "") String name, HttpServletResponse response, Model model) throws IOException {
        if (reference.isBlank() && name.isBlank()) {
            return subject(user, reference, name, model);
        }
        List<RegisterSearch.Row> rows = search.aboutSubject(user.organisationId(), reference, name);
        // In the reader's language: the labels, the words in the values and the document's own language tag.
        Locale language = LocaleContextHolder.getLocale();
        String searchedFor = reference.isBlank() ? name.strip()
                : Catalogue.text(language, "sharing.disclosures.searched-reference", reference.strip());
        var summary = SubjectDisclosures.summary(searchedFor, user.displayName(), clock.instant(), rows, language);
        // Made in full first, so a name that cannot be printed becomes the page's error, not half a download.
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            RecordSummaryDocument.render(summary, DocumentLanguage.of(language), pdf);
        } catch (UnprintableCharacterException e) {
            subject(user, reference, name, model);
            model.addAttribute("error", e.text());
            return "sharing/subjects";
        }
        exported(user, "pdf", rows);
        response.setContentType("application/pdf");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Attachments.header("subject-disclosures.pdf"));
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(pdf.toByteArray());
        return null;
    }

    /** A subject access export is personal data leaving the register: audited, with no name or reference. */
    private void exported(Actor user, String format, List<RegisterSearch.Row> rows) {
        audit.record(AuditEvent.success("sharing.subject-exported", user.accountId().toString(), user.organisationId(), "subject-view")
                .with("format", format).with("records", Integer.toString(rows.size())));
    }

    @GetMapping("/authorisations")
    String authorisations(Actor user, Model model) {
        if (!Role.MANAGER.heldBy(user) && !Role.DATA_PROTECTION_OFFICER.heldBy(user)) {
            throw new AccessDeniedException("Only managers and the data protection officer authorise shares");
        }
        model.addAttribute("rows", search.awaitingAuthorisation(user.organisationId()));
        return "sharing/authorisations";
    }

    @GetMapping("/overdue")
    String overdue(Actor user, Model model) {
        boolean all = Role.MANAGER.heldBy(user) || Role.DATA_PROTECTION_OFFICER.heldBy(user);
        model.addAttribute("rows", search.overdue(user.organisationId(), all ? null : user.accountId(), clock.instant()));
        return "sharing/overdue";
    }

    private String list(Actor user, Map<String, String> params, Model model) {
        RegisterSearch.Filter filter = filter(params);
        int page = Math.max(0, number(params.get("page")));
        RegisterSearch.Count total = search.count(user.organisationId(), filter);
        List<RegisterSearch.Row> rows = search.search(user.organisationId(), filter, page, RegisterSearch.PAGE_SIZE);
        if (!total.exact() && !rows.isEmpty() && rows.size() < RegisterSearch.PAGE_SIZE) {
            total = new RegisterSearch.Count((long) page * RegisterSearch.PAGE_SIZE + rows.size(), true); // the last page: now we know
        }
        model.addAttribute("rows", rows);
        model.addAttribute("total", total.value());
        model.addAttribute("totalExact", total.exact());
        model.addAttribute("page", page);
        long pages = (total.value() + RegisterSearch.PAGE_SIZE - 1) / RegisterSearch.PAGE_SIZE;
        model.addAttribute("pages", pages);
        // Past the counted pages there may be more: offer the next page while this one is full.
        model.addAttribute("hasNext", page + 1 < pages || (!total.exact() && rows.size() == RegisterSearch.PAGE_SIZE));
        model.addAttribute("recipientMatch", search.recipientMatch(user.organisationId(), filter).name());
        model.addAttribute("f", params);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("markings", Marking.values());
        model.addAttribute("statuses", Status.values());
        model.addAttribute("directions", Direction.values());
        model.addAttribute("recipientTypes", OrganisationType.values());
        model.addAttribute("bases", LawfulBasis.values());
        return "sharing/list";
    }

    private static RegisterSearch.Filter filter(Map<String, String> p) {
        return new RegisterSearch.Filter(p.get("person"), p.get("recipient"), "contains".equals(p.get("recipientMatch")),
                p.get("channel"), p.get("marking"), p.get("status"),
                date(p.get("from")), date(p.get("to")), p.get("sort"), "asc".equals(p.get("order")), p.get("direction"),
                p.get("recipientType"), p.get("lawfulBasis"));
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : ShareFormReader.date(text).orElse(null);
    }

    private static int number(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void csv(HttpServletResponse response, String filename, List<RegisterSearch.Row> rows) throws IOException {
        // With a byte order mark, so Excel reads the names as UTF-8.
        try (CsvDownload csv = CsvDownload.start(response, filename, true, "record", "recorded", "status", "direction", "people",
                "information", "purpose", "channel", "marking", "recipient organisation", "recipient", "shared", "decided by", "reference")) {
            for (RegisterSearch.Row r : rows) {
                csv.row(r.id(), r.createdAt(), r.status().displayName(), r.direction().displayName(), r.people(), r.information(),
                        r.purpose(), r.channel(), r.marking(), r.recipientOrganisation(), r.recipientName(), r.sharedAt(), r.decidedBy(),
                        r.reference());
            }
        }
    }
}
