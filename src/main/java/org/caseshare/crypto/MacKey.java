package org.caseshare.crypto;

import java.security.GeneralSecurityException;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;

/**
 * A Tink MAC keyset (HMAC-SHA256, 256-bit tags) for values the server hands out and must recognise
 * again unchanged, such as sign-in device cookies. Whoever stores the keyset seals it first (see
 * {@link SecretBox}), so every node of a cluster shares it while a copy of the database cannot forge.
 */
public final class MacKey {

    private final KeysetHandle keyset;
    private final Mac mac;

    private MacKey(KeysetHandle keyset) throws GeneralSecurityException {
        this.keyset = keyset;
        this.mac = keyset.getPrimitive(RegistryConfiguration.get(), Mac.class);
    }

    /** A fresh key from Tink's (the platform's secure) random source. */
    public static MacKey generate() throws GeneralSecurityException {
        MacConfig.register();
        return new MacKey(KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG));
    }

    /** Loads a cleartext Tink JSON keyset, as written by {@link #toCleartextKeysetJson()}. */
    public static MacKey fromCleartextKeysetJson(String json) throws GeneralSecurityException {
        MacConfig.register();
        return new MacKey(TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()));
    }

    /** The keyset as cleartext Tink JSON: seal it before it is stored anywhere. */
    public String toCleartextKeysetJson() throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    }

    public byte[] tag(byte[] data) {
        try {
            return mac.computeMac(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot compute a MAC", e);
        }
    }

    /** True only if the tag was made by this keyset over exactly these bytes (compared in constant time by Tink). */
    public boolean verify(byte[] tag, byte[] data) {
        try {
            mac.verifyMac(tag, data);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
