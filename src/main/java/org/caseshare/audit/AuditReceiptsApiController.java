package org.caseshare.audit;

import java.util.Map;
import java.util.UUID;

import org.caseshare.system.Actor;
import org.caseshare.system.ApiValidationException;
import org.caseshare.system.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receipts for the person who acted (a partner acknowledging or downloading, say): the entry's
 * inclusion proof against a signed checkpoint, and later a consistency proof from that checkpoint
 * to the newest. A receipt not yet ready is 202 with Retry-After, never a wait.
 */
@RestController
@RequestMapping(path = "/api/v1/audit/receipts", produces = "application/json")
class AuditReceiptsApiController {

    static final int RETRY_AFTER_SECONDS = 2;

    private final AuditReceipts receipts;

    AuditReceiptsApiController(AuditReceipts receipts) {
        this.receipts = receipts;
    }

    @Callers("the person who acted, their organisation's DPOs and admins")
    @GetMapping("/{entryId}")
    ResponseEntity<?> receipt(Actor caller, @PathVariable UUID entryId) {
        return receipts.receipt(caller, entryId).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> pending(entryId));
    }

    /** Any signed-in user may ask: tree sizes and hashes say nothing about anyone's entries. */
    @Callers("anyone signed in")
    @GetMapping("/consistency")
    ProofDocuments.Consistency consistency(Actor caller, @RequestParam long from) {
        try {
            return receipts.consistencyToLatest(from);
        } catch (IllegalArgumentException e) {
            throw new ApiValidationException(e.getMessage());
        }
    }

    static ResponseEntity<?> pending(UUID entryId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS))
                .body(Map.of("status", "pending", "entryId", entryId, "retryAfterSeconds", RETRY_AFTER_SECONDS,
                        "detail", "The entry is recorded and gets its place in the signed log within seconds; ask again shortly."));
    }
}
