package org.caseshare.audit;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A receipt as JSON: everything a partner needs, with the log's public key, to check offline that
 * their entry is in the tree a signed checkpoint commits to. Hashes and leaf bytes are standard
 * base64 (RFC 4648 §4, with padding); {@code checkpoint} is the C2SP signed note, verbatim. The
 * format is described in README, "Receipts a partner can verify".
 *
 * @param format         {@value #FORMAT}, changed if a field's meaning ever changes
 * @param leafIndex      zero-based index of the leaf in the tree ({@code seq - 1})
 * @param leafData       the entry's canonical bytes (the Merkle leaf); its hash is SHA-256(0x00 || leafData)
 * @param inclusionProof the RFC 9162 §2.1.3 audit path, from the leaf's sibling up
 */
public record ReceiptDocument(String format, UUID entryId, String action, String target, Instant occurredAt, long seq,
        long leafIndex, long treeSize, String leafData, String leafHash, List<String> inclusionProof, String rootHash,
        String checkpoint) {

    public static final String FORMAT = "caseshare-receipt/1";

    static ReceiptDocument of(UUID entryId, AuditProofs.InclusionProof p) {
        Base64.Encoder b64 = Base64.getEncoder();
        AuditEntry e = p.entry();
        return new ReceiptDocument(FORMAT, entryId, e.action(), e.target(), e.occurredAt(), e.seq(), e.seq() - 1,
                p.checkpoint().treeSize(), b64.encodeToString(p.leafData()), b64.encodeToString(p.leafHash()),
                p.path().stream().map(b64::encodeToString).toList(), p.checkpoint().rootHashBase64(), p.checkpoint().signedNote());
    }
}
