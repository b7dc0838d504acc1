package org.caseshare.crypto;

import java.security.GeneralSecurityException;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.Ed25519Parameters;
import com.google.crypto.tink.signature.Ed25519PrivateKey;

/**
 * The Ed25519 key that signs audit checkpoints, held in a Tink keyset.
 *
 * <p>The key uses Tink's NO_PREFIX variant (template "ED25519_RAW") so signatures are plain 64-byte
 * Ed25519, as C2SP signed notes require; Tink's default "ED25519" template would prepend a 5-byte
 * Tink prefix. The methods mirror {@code org.caseshare.audit.merkle.CheckpointSigner} without
 * implementing it, so crypto depends on no other module; audit adapts with
 * {@code CheckpointSigner.of(key.keyName(), key.keyId(), key::sign)}.
 */
public final class AuditSigningKey {

    private final String keyName;

    private final KeysetHandle keyset;

    private final PublicKeySign signer;

    private final AuditVerifyingKey verifyingKey;

    private AuditSigningKey(String keyName, KeysetHandle keyset) throws GeneralSecurityException {
        this.keyName = Ed25519NoteKeys.requireKeyName(keyName);
        if (!(keyset.getPrimary().getKey() instanceof Ed25519PrivateKey privateKey)) {
            throw new GeneralSecurityException("the primary key of an audit signing keyset must be an Ed25519 private key");
        }
        if (privateKey.getParameters().getVariant() != Ed25519Parameters.Variant.NO_PREFIX) {
            throw new GeneralSecurityException("the audit signing key must use the NO_PREFIX (ED25519_RAW) variant,"
                    + " not " + privateKey.getParameters().getVariant() + ", so that signatures are plain Ed25519");
        }
        this.keyset = keyset;
        this.signer = keyset.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
        this.verifyingKey = AuditVerifyingKey.of(keyName,
                privateKey.getPublicKey().getPublicKeyBytes().toByteArray());
    }

    /** A fresh key from the platform's secure random source. */
    public static AuditSigningKey generate(String keyName) throws GeneralSecurityException {
        Ed25519NoteKeys.registerTink();
        return new AuditSigningKey(keyName,
                KeysetHandle.generateNew(Ed25519Parameters.create(Ed25519Parameters.Variant.NO_PREFIX)));
    }

    /** Loads a cleartext Tink JSON keyset, as written by {@link #toCleartextKeysetJson()}. */
    public static AuditSigningKey fromCleartextKeysetJson(String keyName, String json) throws GeneralSecurityException {
        Ed25519NoteKeys.registerTink();
        return new AuditSigningKey(keyName,
                TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()));
    }

    /**
     * The private keyset as cleartext Tink JSON. Whoever stores it must protect it (file mode 0600,
     * or better, wrap it with a KMS key); it cannot be wiped from memory once it is a String.
     */
    public String toCleartextKeysetJson() throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    }

    public String keyName() {
        return keyName;
    }

    /** The C2SP signed-note key id of this key and name. */
    public int keyId() {
        return verifyingKey.keyId();
    }

    /** A plain 64-byte Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        try {
            return signer.sign(message);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Ed25519 signing failed", ex);
        }
    }

    /** The public half, to publish or hand to verifiers. */
    public AuditVerifyingKey verifyingKey() {
        return verifyingKey;
    }

    @Override
    public String toString() {
        return "AuditSigningKey[" + verifyingKey + "]";
    }

}
