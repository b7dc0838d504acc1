package org.caseshare.exchange;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.caseshare.audit.AuditReceipts;
import org.caseshare.system.Actor;
import org.caseshare.system.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The secure hub over HTTP with a personal access token. Uploads are a raw streaming PUT (the body
 * is the file), so nothing is buffered or written to disk unencrypted.
 */
@RestController
@RequestMapping("/api/v1/packages")
class PackagesApiController {

    static final String PASSWORD_HEADER = "X-Package-Password";

    private final Packages packages;
    private final PackageViews views;
    private final PackageUploads uploads;
    private final PackageDownloads downloads;
    private final PackageShredding shredding;
    private final AuditReceipts receipts;

    PackagesApiController(Packages packages, PackageViews views, PackageUploads uploads, PackageDownloads downloads,
            PackageShredding shredding, AuditReceipts receipts) {
        this.receipts = receipts;
        this.packages = packages;
        this.views = views;
        this.uploads = uploads;
        this.downloads = downloads;
        this.shredding = shredding;
    }

    record SendRequest(Boolean password) {
    }

    /** Packages the caller's organisation sent, and those addressed to the caller. */
    record PackageLists(List<HubPackage> sent, List<HubPackage> received) {
    }

    record AddedFile(UUID id) {
    }

    /** The generated password is shown here once, when one was asked for; otherwise it is left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Sent(String status, String password) {
    }

    @Callers("sender's organisation / addressed recipients")
    @GetMapping
    PackageLists list(Actor caller) {
        return new PackageLists(views.sent(caller), views.received(caller));
    }

    @Callers("practitioners of the record's organisation; partner users sending back")
    @PostMapping
    ResponseEntity<HubPackage> create(Actor caller, @RequestBody NewPackage form) {
        UUID id = packages.create(caller, form);
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/packages/" + id).body(views.get(caller, id));
    }

    @Callers("sender's organisation, addressed recipients")
    @GetMapping("/{id}")
    HubPackage get(Actor caller, @PathVariable UUID id) {
        return views.get(caller, id);
    }

    @Callers("the draft's sender")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The file's bytes, streamed",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string", format = "binary")))
    @PutMapping("/{id}/files")
    ResponseEntity<AddedFile> upload(Actor caller, @PathVariable UUID id, @RequestParam String name,
            HttpServletRequest request) throws IOException {
        UUID fileId = uploads.addFile(caller, id, name, request.getInputStream(), declaredLength(request));
        return ResponseEntity.status(HttpStatus.CREATED).body(new AddedFile(fileId));
    }

    /** The declared body length, or -1 when streamed without one (chunked). */
    static long declaredLength(HttpServletRequest request) {
        String header = request.getHeader("Content-Length");
        try {
            return header == null ? request.getContentLengthLong() : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Callers("the draft's sender")
    @PostMapping("/{id}/send")
    Sent send(Actor caller, @PathVariable UUID id, @RequestBody(required = false) SendRequest body) {
        boolean withPassword = body != null && Boolean.TRUE.equals(body.password());
        return new Sent("SENT", packages.send(caller, id, withPassword).orElse(null));
    }

    @Callers("addressed recipients")
    @PostMapping("/{id}/acknowledge")
    ResponseEntity<Void> acknowledge(Actor caller, @PathVariable UUID id) {
        downloads.acknowledge(caller, id);
        return ResponseEntity.noContent().build();
    }

    @Callers("addressed recipients")
    @ApiResponse(responseCode = "200", description = "The file, as an attachment",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "409", description = "Not acknowledged yet")
    @ApiResponse(responseCode = "410", description = "Expired, revoked, its download limit reached, or damaged")
    @GetMapping("/{id}/files/{fileId}")
    void download(Actor caller, @PathVariable UUID id, @PathVariable UUID fileId,
            @RequestHeader(name = PASSWORD_HEADER, required = false) String password, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        DownloadResponses.write(response, downloads.startDownload(caller, id, fileId,
                password == null ? null : password.toCharArray(), request.getRemoteAddr()));
    }

    /** A receipt the caller can verify, one per entry they made on this package. */
    record ReceiptLink(UUID entryId, String action, Instant occurredAt, String receipt) {
    }

    /** The caller's own acknowledgement and downloads of the package, each with the URL of its receipt. */
    @Callers("addressed recipients")
    @GetMapping("/{id}/receipts")
    List<ReceiptLink> receipts(Actor caller, @PathVariable UUID id) {
        views.get(caller, id);
        return receipts.entriesFor(caller, HubRow.target(id)).stream()
                .map(e -> new ReceiptLink(e.id(), e.action(), e.occurredAt(), "/api/v1/audit/receipts/" + e.id())).toList();
    }

    @Callers("the sender, organisation admins")
    @PostMapping("/{id}/revoke")
    ResponseEntity<Void> revoke(Actor caller, @PathVariable UUID id) {
        shredding.revoke(caller, id);
        return ResponseEntity.noContent().build();
    }
}
