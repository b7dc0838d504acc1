package org.caseshare.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.caseshare.audit.merkle.Checkpoint;
import org.caseshare.audit.merkle.CheckpointVerificationException;
import org.caseshare.audit.merkle.InvalidProofException;
import org.caseshare.audit.merkle.MerkleHash;
import org.caseshare.audit.merkle.MerkleVerifier;
import org.caseshare.crypto.AuditVerifyingKey;

/**
 * Checks a receipt offline with nothing but the log's public key, the steps README's "Receipts a
 * partner can verify" describes: the checkpoint's signature, that it commits to the tree size and
 * root the receipt names, the leaf hash of the leaf bytes, and the inclusion proof against that
 * root. Plain Java, no database: {@code caseshare verify-receipt} runs it without starting the
 * application.
 */
public final class ReceiptVerifier {

    private ReceiptVerifier() {
    }

    /** What was checked, in order; {@code failure} is null when every step passed. */
    public record Verdict(List<String> passed, String failure) {

        public boolean ok() {
            return failure == null;
        }
    }

    public static Verdict verify(ReceiptDocument receipt, AuditVerifyingKey key) {
        List<String> passed = new ArrayList<>();
        try {
            if (!ReceiptDocument.FORMAT.equals(receipt.format())) {
                return new Verdict(passed, "the receipt's format is '" + receipt.format() + "', not " + ReceiptDocument.FORMAT);
            }
            Checkpoint checkpoint = Checkpoint.open(receipt.checkpoint(), AuditKeys.verifier(key));
            passed.add("checkpoint signed by " + key.keyName() + " (key id " + String.format("%08x", key.keyId()) + ")");
            if (checkpoint.size() != receipt.treeSize() || !Arrays.equals(checkpoint.rootHash(), decode(receipt.rootHash()))) {
                return new Verdict(passed, "the signed checkpoint is for tree size " + checkpoint.size()
                        + " with another root than the receipt names");
            }
            passed.add("checkpoint commits to tree size " + checkpoint.size() + " and the receipt's root hash");
            byte[] leafHash = MerkleHash.leafHash(decode(receipt.leafData()));
            if (!Arrays.equals(leafHash, decode(receipt.leafHash()))) {
                return new Verdict(passed, "the leaf hash is not SHA-256(0x00 || leaf data)");
            }
            passed.add("leaf hash is SHA-256(0x00 || leaf data)");
            if (receipt.leafIndex() != receipt.seq() - 1) {
                return new Verdict(passed, "leaf index " + receipt.leafIndex() + " is not the entry's place " + receipt.seq() + " - 1");
            }
            List<byte[]> proof = receipt.inclusionProof().stream().map(ReceiptVerifier::decode).toList();
            MerkleVerifier.verifyInclusion(leafHash, receipt.leafIndex(), checkpoint.size(), proof, checkpoint.rootHash());
            passed.add("inclusion proof of leaf " + receipt.leafIndex() + " reaches the signed root");
            return new Verdict(passed, null);
        } catch (CheckpointVerificationException | InvalidProofException | IllegalArgumentException | NullPointerException e) {
            return new Verdict(passed, e.getMessage() == null ? "the receipt is incomplete" : e.getMessage());
        }
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }
}
