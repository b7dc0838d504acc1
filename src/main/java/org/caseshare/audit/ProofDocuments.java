package org.caseshare.audit;

import java.util.Base64;
import java.util.List;

/**
 * Proofs as JSON documents (hashes in base64), the same from the API and the command line, with the
 * signed checkpoints included so an outsider needs nothing else but the public key.
 */
public final class ProofDocuments {

    private ProofDocuments() {
    }

    public record Inclusion(long seq, long leafIndex, long treeSize, String leafData, String leafHash, List<String> proof,
            String rootHash, String checkpoint) {
    }

    public record Consistency(long from, long to, List<String> proof, String fromRootHash, String toRootHash,
            String fromCheckpoint, String toCheckpoint) {
    }

    public static Inclusion of(AuditProofs.InclusionProof p) {
        return new Inclusion(p.entry().seq(), p.entry().seq() - 1, p.checkpoint().treeSize(), b64(p.leafData()),
                b64(p.leafHash()), p.path().stream().map(ProofDocuments::b64).toList(), p.checkpoint().rootHashBase64(),
                p.checkpoint().signedNote());
    }

    public static Consistency of(AuditProofs.ConsistencyProof p) {
        return new Consistency(p.first().treeSize(), p.second().treeSize(), p.path().stream().map(ProofDocuments::b64).toList(),
                p.first().rootHashBase64(), p.second().rootHashBase64(), p.first().signedNote(), p.second().signedNote());
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
