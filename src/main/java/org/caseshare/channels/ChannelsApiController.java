package org.caseshare.channels;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.caseshare.document.LabelFormat;
import org.caseshare.document.TextDoesNotFitException;
import org.caseshare.document.UnprintableCharacterException;
import org.caseshare.system.Actor;
import org.caseshare.sharing.SharingRecord;
import org.caseshare.sharing.SharingRefusedException;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The channels over the API, with the pages' rules and messages: JSON in and out, problem details
 * on errors (422 with the fields, 409 when the record's state does not allow it, 404 for another
 * organisation's record), and the ZIP and PDFs as binary downloads. The attachment's password is in
 * the one response that makes it, and nowhere else.
 */
@RestController
@RequestMapping(path = "/api/v1/sharing-records/{id}", produces = "application/json")
class ChannelsApiController {

    /** JSON names for the pages' fields where they differ. */
    private static final java.util.Map<String, String> JSON_FIELDS = java.util.Map.of("typedNumber", "faxNumber", "typedNumberAgain",
            "faxNumberAgain", "numberChoice", "directoryContactPointId", "address", "addressLines", "returnAddress", "returnAddressLines");

    private final EmailChannel email;
    private final PostChannel post;
    private final FaxChannel fax;

    ChannelsApiController(EmailChannel email, PostChannel post, FaxChannel fax) {
        this.email = email;
        this.post = post;
        this.fax = fax;
    }

    record AttachmentResponse(String fileName, String password, long size, int entries, String passwordRoute, String download) {
    }

    record EmailStatusResponse(String status, String fileName, String recipientEmail, String passwordRoute, boolean archiveKept,
            boolean passwordHeld, Instant createdAt, Instant sentAt, Instant receiptConfirmedAt, Instant passwordReleasedAt) {
    }

    record EmailSentRequest(List<String> safeguards, Boolean passwordTelephoned) {
    }

    record PostLabelsRequest(String recipientName, String jobTitle, String department, String organisation, List<String> addressLines,
            String returnOrganisation, List<String> returnAddressLines) {
    }

    record PostResponse(String status, PostChannel.Labels labels, String trackingReference, List<String> formats) {
    }

    record PostSentRequest(String trackingReference, List<String> safeguards) {
    }

    record FaxRequest(String directoryContactPointId, String faxNumber, String faxNumberAgain, Integer pages, String originatorTelephone,
            Boolean recipientTelephoned, Boolean recipientWaiting, Boolean numberChecked) {
    }

    record FaxResponse(String status, String reference, String faxNumber, String numberSource, int pagesIncludingCover,
            Instant reportConfirmedAt, String coverSheet) {
    }

    record FaxSentRequest(Boolean reportConfirmed, List<String> safeguards) {
    }

    // ---- email -----------------------------------------------------------------------------------

    @Callers("own organisation's staff")
    @PostMapping("/email-attachment")
    ResponseEntity<AttachmentResponse> makeAttachment(Actor caller, @PathVariable UUID id,
            @RequestParam(defaultValue = "") String recipientEmail, @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(defaultValue = "false") boolean summary, @RequestParam(defaultValue = "") String passwordRoute) {
        Actor actor = staff(caller);
        EmailChannel.Built built = valid(() -> email.build(actor, id, recipientEmail, EmailPageController.uploads(files), summary, passwordRoute));
        try {
            String download = "/api/v1/sharing-records/" + id + "/email-attachment";
            return ResponseEntity.created(URI.create(download)).header("Cache-Control", "no-store").body(new AttachmentResponse(built.fileName(),
                    new String(built.password()), built.size(), built.entries(), built.route().name(), download));
        } finally {
            Arrays.fill(built.password(), '\0');
        }
    }

    @Callers("own organisation's staff")
    @GetMapping(path = "/email-attachment", produces = {"application/zip", "application/json"})
    void downloadAttachment(Actor caller, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        Actor actor = staff(caller);
        email.record(actor, id);
        EmailChannel.Attachment attachment = email.attachment(caller.organisationId(), id).filter(EmailChannel.Attachment::archiveKept)
                .orElseThrow(() -> new org.caseshare.system.NotFoundException("Attachment"));
        Forms.download(response, "application/zip", attachment.fileName());
        email.download(actor, id, response.getOutputStream());
    }

    @Callers("own organisation's staff")
    @GetMapping("/email")
    EmailStatusResponse emailStatus(Actor caller, @PathVariable UUID id) {
        Actor actor = staff(caller);
        return emailStatus(actor, email.record(actor, id));
    }

    @Callers("own organisation's staff")
    @PostMapping(path = "/email/sent", consumes = "application/json")
    EmailStatusResponse emailSent(Actor caller, @PathVariable UUID id, @RequestBody EmailSentRequest request) {
        Actor actor = staff(caller);
        SharingRecord record = valid(() -> email.sent(actor, id, list(request.safeguards()), Boolean.TRUE.equals(request.passwordTelephoned())));
        return emailStatus(actor, record);
    }

    private EmailStatusResponse emailStatus(Actor actor, SharingRecord record) {
        var a = email.attachment(actor.organisationId(), record.id()).orElse(null);
        if (a == null) {
            return new EmailStatusResponse(record.status().name(), null, null, null, false, false, null, null, null, null);
        }
        return new EmailStatusResponse(record.status().name(), a.fileName(), a.recipientEmail(), a.route().name(), a.archiveKept(), a.passwordHeld(),
                a.createdAt(), a.sentAt(), a.receiptConfirmedAt(), a.passwordReleasedAt());
    }

    // ---- post ------------------------------------------------------------------------------------

    @Callers("own organisation's staff")
    @PostMapping(path = "/post-labels", consumes = "application/json")
    PostResponse saveLabels(Actor caller, @PathVariable UUID id, @RequestBody PostLabelsRequest request) {
        Actor actor = staff(caller);
        valid(() -> {
            post.save(actor, id, new PostChannel.Labels(request.recipientName(), request.jobTitle(), request.department(), request.organisation(),
                    String.join("\n", list(request.addressLines())), request.returnOrganisation(), String.join("\n", list(request.returnAddressLines()))));
            return null;
        });
        return postStatus(actor, post.record(actor, id));
    }

    @Callers("own organisation's staff")
    @GetMapping("/post-labels")
    PostResponse postStatus(Actor caller, @PathVariable UUID id) {
        Actor actor = staff(caller);
        return postStatus(actor, post.record(actor, id));
    }

    @Callers("own organisation's staff")
    @GetMapping(path = "/post-labels.pdf", produces = {"application/pdf", "application/json"})
    void labels(Actor caller, @PathVariable UUID id, @RequestParam(defaultValue = "A4_SHEET") String format, HttpServletResponse response)
            throws IOException {
        Actor actor = staff(caller);
        LabelFormat chosen = Arrays.stream(LabelFormat.values()).filter(f -> f.name().equals(format)).findFirst()
                .orElseThrow(() -> new ApiValidationException("Unknown label format", java.util.Map.of("format",
                        "Choose one of " + Arrays.toString(LabelFormat.values()))));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            post.labels(actor, id, chosen, pdf);
        } catch (TextDoesNotFitException e) {
            throw new ApiValidationException("The address does not fit these labels", java.util.Map.of("format",
                    "The address is too long for " + chosen.description() + " labels: choose a larger label or plain A4"));
        } catch (UnprintableCharacterException e) {
            throw new ApiValidationException("The labels cannot be printed", java.util.Map.of("labels", e.getMessage()));
        }
        Forms.download(response, "application/pdf", "labels-" + chosen.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".pdf");
        response.getOutputStream().write(pdf.toByteArray());
    }

    @Callers("own organisation's staff")
    @PostMapping(path = "/post/sent", consumes = "application/json")
    PostResponse postSent(Actor caller, @PathVariable UUID id, @RequestBody PostSentRequest request) {
        Actor actor = staff(caller);
        return postStatus(actor, valid(() -> post.sent(actor, id, request.trackingReference(), list(request.safeguards()))));
    }

    private PostResponse postStatus(Actor actor, SharingRecord record) {
        var d = post.dispatch(actor.organisationId(), record.id());
        return new PostResponse(record.status().name(), d.map(PostChannel.Dispatch::labels).orElse(null),
                d.map(PostChannel.Dispatch::trackingReference).orElse(null), Arrays.stream(LabelFormat.values()).map(Enum::name).toList());
    }

    // ---- fax -------------------------------------------------------------------------------------

    @Callers("own organisation's staff")
    @PostMapping(path = "/fax", consumes = "application/json")
    FaxResponse preSend(Actor caller, @PathVariable UUID id, @RequestBody FaxRequest request) {
        Actor actor = staff(caller);
        boolean typed = request.directoryContactPointId() == null || request.directoryContactPointId().isBlank();
        valid(() -> fax.preSend(actor, id, new FaxChannel.PreSend(typed ? FaxChannel.TYPED : request.directoryContactPointId(),
                request.faxNumber(), request.faxNumberAgain(), request.pages() == null ? "" : request.pages().toString(),
                request.originatorTelephone(), request.recipientTelephoned(), request.recipientWaiting(), request.numberChecked())));
        return faxStatus(actor, fax.record(actor, id));
    }

    @Callers("own organisation's staff")
    @GetMapping("/fax")
    FaxResponse faxStatus(Actor caller, @PathVariable UUID id) {
        Actor actor = staff(caller);
        return faxStatus(actor, fax.record(actor, id));
    }

    @Callers("own organisation's staff")
    @GetMapping(path = "/fax/cover-sheet.pdf", produces = {"application/pdf", "application/json"})
    void coverSheet(Actor caller, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        Actor actor = staff(caller);
        fax.record(actor, id);
        fax.transmission(caller.organisationId(), id).orElseThrow(() -> new org.caseshare.system.NotFoundException("Fax"));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            fax.coverSheet(actor, id, pdf);
        } catch (UnprintableCharacterException e) {
            throw new ApiValidationException("The cover sheet cannot be printed", java.util.Map.of("coverSheet", e.getMessage()));
        }
        Forms.download(response, "application/pdf", "fax-cover-sheet-" + Checklist.reference(id).toLowerCase(Locale.ROOT) + ".pdf");
        response.getOutputStream().write(pdf.toByteArray());
    }

    @Callers("own organisation's staff")
    @PostMapping(path = "/fax/sent", consumes = "application/json")
    FaxResponse faxSent(Actor caller, @PathVariable UUID id, @RequestBody FaxSentRequest request) {
        Actor actor = staff(caller);
        return faxStatus(actor, valid(() -> fax.sent(actor, id, Boolean.TRUE.equals(request.reportConfirmed()), list(request.safeguards()))));
    }

    private FaxResponse faxStatus(Actor actor, SharingRecord record) {
        var t = fax.transmission(actor.organisationId(), record.id()).orElse(null);
        if (t == null) {
            return new FaxResponse(record.status().name(), Checklist.reference(record.id()), null, null, 0, null, null);
        }
        return new FaxResponse(record.status().name(), t.reference(), t.faxNumber(), t.numberSource(), t.pagesIncludingCover(),
                t.reportConfirmedAt(), "/api/v1/sharing-records/" + record.id() + "/fax/cover-sheet.pdf");
    }

    // ---- shared ----------------------------------------------------------------------------------

    @ExceptionHandler(SharingRefusedException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail refused(SharingRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not allowed now");
        problem.setType(URI.create("https://caseshare.org/problems/not-allowed-now"));
        return problem;
    }

    private static <T> T valid(Supplier<T> step) {
        try {
            return step.get();
        } catch (ChannelInputException e) {
            java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
            e.errors().forEach((field, message) -> errors.putIfAbsent(JSON_FIELDS.getOrDefault(field, field), message));
            throw new ApiValidationException(errors);
        }
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }

    /** The channels are for the organisation's own staff, never partner users (as the register is). */
    private static Actor staff(Actor caller) {
        if (!(caller.hasRole("PRACTITIONER") || caller.hasRole("MANAGER") || caller.hasRole("DATA_PROTECTION_OFFICER")
                || caller.hasRole(Actor.ORGANISATION_ADMIN))) {
            throw new AccessDeniedException("The sharing register is for the organisation's own staff");
        }
        return caller;
    }
}
