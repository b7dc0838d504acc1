package org.caseshare.audit;

import java.util.Optional;
import java.util.UUID;

import org.caseshare.system.Actor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The receipt page a partner can save (with its JSON to download) and the log's public keys at a
 * well-known URL, public so that anyone holding a receipt can fetch the key to check it.
 */
@Controller
class AuditReceiptsController {

    static final String KEYS_PATH = "/.well-known/caseshare-audit-keys";

    private final AuditReceipts receipts;
    private final AuditKeys keys;

    AuditReceiptsController(AuditReceipts receipts, AuditKeys keys) {
        this.receipts = receipts;
        this.keys = keys;
    }

    @GetMapping("/audit-receipts/{entryId}")
    String page(Actor caller, @PathVariable UUID entryId, Model model) {
        Optional<ReceiptDocument> receipt = receipts.receipt(caller, entryId);
        model.addAttribute("entryId", entryId);
        model.addAttribute("receipt", receipt.orElse(null));
        model.addAttribute("keysPath", KEYS_PATH);
        return "audit/receipt";
    }

    @GetMapping(path = "/audit-receipts/{entryId}/receipt.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<?> download(Actor caller, @PathVariable UUID entryId) {
        return receipts.receipt(caller, entryId)
                .<ResponseEntity<?>>map(r -> ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"caseshare-receipt-" + r.seq() + ".json\"")
                        .body(r))
                .orElseGet(() -> AuditReceiptsApiController.pending(entryId));
    }

    /** Every verifier key that has signed for this log, current first, one C2SP verifier key a line. */
    @GetMapping(path = KEYS_PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    @ResponseBody
    String publicKeys() {
        StringBuilder all = new StringBuilder();
        keys.verifyingKeys().forEach(key -> all.append(key.verifierKey()).append('\n'));
        return all.toString();
    }
}
