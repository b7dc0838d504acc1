package org.caseshare.audit;

import org.caseshare.crypto.AuditVerifyingKey;
import org.springframework.stereotype.Service;

/**
 * Rotates the audit signing key: the old key first signs a checkpoint of everything written so far,
 * then a new key becomes current, and the trail records the change (key ids only: a public key id
 * is not key material). Old keys are kept, so checkpoints they signed still verify.
 */
@Service
public class AuditKeyRotation {

    public static final String ROTATED = "audit.signing-key-rotated";

    private final AuditKeys keys;
    private final AuditCheckpoints checkpoints;
    private final AuditTrail audit;

    AuditKeyRotation(AuditKeys keys, AuditCheckpoints checkpoints, AuditTrail audit) {
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.audit = audit;
    }

    /** The old and the new verifier keys. */
    public record Rotated(AuditVerifyingKey previous, AuditVerifyingKey current) {
    }

    public Rotated rotate(String actorId) {
        AuditVerifyingKey previous = keys.verifyingKey();
        checkpoints.checkpointNow();
        keys.rotate();
        AuditVerifyingKey current = keys.verifyingKey();
        audit.record(AuditEvent.success(ROTATED, actorId, null, "audit-signing-key:" + keyId(current))
                .with("previousKeyId", keyId(previous)));
        return new Rotated(previous, current);
    }

    private static String keyId(AuditVerifyingKey key) {
        return String.format("%08x", key.keyId());
    }
}
