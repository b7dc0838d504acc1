package org.caseshare.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.Ed25519Parameters;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import com.google.crypto.tink.util.Bytes;

/**
 * The public Ed25519 key that checks audit checkpoints. Its text form is the C2SP verifier key,
 * {@code <name>+<8 hex digit key id>+<base64(0x01 || 32-byte public key)>}, the same string Go's
 * {@code golang.org/x/mod/sumdb/note} and the transparency-dev tools accept.
 */
public final class AuditVerifyingKey {

    private final String keyName;

    private final byte[] publicKey;

    private final int keyId;

    private final PublicKeyVerify verifier;

    private AuditVerifyingKey(String keyName, byte[] publicKey) throws GeneralSecurityException {
        this.keyName = Ed25519NoteKeys.requireKeyName(keyName);
        if (publicKey == null || publicKey.length != Ed25519NoteKeys.PUBLIC_KEY_LENGTH) {
            throw new GeneralSecurityException("an Ed25519 public key is 32 bytes");
        }
        this.publicKey = publicKey.clone();
        this.keyId = Ed25519NoteKeys.keyId(keyName, publicKey);
        Ed25519NoteKeys.registerTink();
        Ed25519PublicKey key = Ed25519PublicKey.create(Bytes.copyFrom(publicKey));
        this.verifier = KeysetHandle.newBuilder()
            .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
            .build()
            .getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
    }

    /** A verifying key from a name and a raw 32-byte Ed25519 public key. */
    public static AuditVerifyingKey of(String keyName, byte[] publicKey) throws GeneralSecurityException {
        return new AuditVerifyingKey(keyName, publicKey);
    }

    /** Parses a C2SP verifier key and checks that its key id matches its name and key. */
    public static AuditVerifyingKey parse(String verifierKey) throws GeneralSecurityException {
        String[] parts = verifierKey == null ? new String[0] : verifierKey.split("\\+", 3);
        if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
            throw new GeneralSecurityException("verifier key must be '<name>+<8 hex digits>+<base64 key>'");
        }
        try {
            Ed25519NoteKeys.requireKeyName(parts[0]);
        }
        catch (IllegalArgumentException ex) {
            throw new GeneralSecurityException("verifier key has an invalid name: " + ex.getMessage(), ex);
        }
        byte[] typedKey;
        try {
            typedKey = Base64.getDecoder().decode(parts[2]);
        }
        catch (IllegalArgumentException ex) {
            throw new GeneralSecurityException("verifier key is not valid base64", ex);
        }
        if (typedKey.length != 1 + Ed25519NoteKeys.PUBLIC_KEY_LENGTH || typedKey[0] != Ed25519NoteKeys.ALGORITHM_ED25519
                || !Base64.getEncoder().encodeToString(typedKey).equals(parts[2])) {
            throw new GeneralSecurityException("verifier key must hold 0x01 and a 32-byte Ed25519 public key");
        }
        AuditVerifyingKey key = new AuditVerifyingKey(parts[0], Arrays.copyOfRange(typedKey, 1, typedKey.length));
        if (key.keyId != Integer.parseUnsignedInt(parts[1], 16)) {
            throw new GeneralSecurityException("verifier key id " + parts[1] + " does not match its name and key");
        }
        return key;
    }

    /** A verifying key from a public Tink JSON keyset, as written by {@link #toPublicKeysetJson()}. */
    public static AuditVerifyingKey fromPublicKeysetJson(String keyName, String json) throws GeneralSecurityException {
        Ed25519NoteKeys.registerTink();
        KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(json);
        if (!(keyset.getPrimary().getKey() instanceof Ed25519PublicKey key)
                || key.getParameters().getVariant() != Ed25519Parameters.Variant.NO_PREFIX) {
            throw new GeneralSecurityException("the primary key must be an Ed25519 NO_PREFIX public key");
        }
        return new AuditVerifyingKey(keyName, key.getPublicKeyBytes().toByteArray());
    }

    /** The public key as a Tink JSON keyset holding no secret. */
    public String toPublicKeysetJson() throws GeneralSecurityException {
        KeysetHandle keyset = KeysetHandle.newBuilder()
            .addEntry(KeysetHandle.importKey(Ed25519PublicKey.create(Bytes.copyFrom(publicKey))).withRandomId().makePrimary())
            .build();
        return TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(keyset);
    }

    public String keyName() {
        return keyName;
    }

    /** The C2SP signed-note key id: SHA-256(name || 0x0A || 0x01 || public key), first 4 bytes. */
    public int keyId() {
        return keyId;
    }

    /** The raw 32-byte Ed25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Whether {@code signature} is a valid Ed25519 signature of {@code message} by this key. */
    public boolean verify(byte[] message, byte[] signature) {
        if (message == null || signature == null) {
            return false;
        }
        try {
            verifier.verify(signature, message);
            return true;
        }
        catch (GeneralSecurityException ex) {
            return false;
        }
    }

    /** The C2SP verifier key. */
    public String verifierKey() {
        byte[] typed = new byte[1 + publicKey.length];
        typed[0] = Ed25519NoteKeys.ALGORITHM_ED25519;
        System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
        return keyName + "+" + String.format("%08x", keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuditVerifyingKey that && keyName.equals(that.keyName)
                && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * keyName.hashCode() + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return verifierKey();
    }

}
