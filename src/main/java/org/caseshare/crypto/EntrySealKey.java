package org.caseshare.crypto;

import java.security.GeneralSecurityException;
import java.util.HexFormat;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.mac.HmacParameters;
import com.google.crypto.tink.mac.MacConfig;

/**
 * The key that seals audit entries as their transactions write them (HMAC-SHA256 through Tink,
 * NO_PREFIX so a seal is a plain 32-byte tag). The database holds the key only sealed under the
 * master keyset, so whoever can edit rows cannot forge a seal for the edited row.
 */
public final class EntrySealKey {

    private final KeysetHandle keyset;
    private final Mac mac;

    private EntrySealKey(KeysetHandle keyset) throws GeneralSecurityException {
        this.keyset = keyset;
        this.mac = keyset.getPrimitive(RegistryConfiguration.get(), Mac.class);
    }

    /** A fresh key from the platform's secure random source. */
    public static EntrySealKey generate() throws GeneralSecurityException {
        MacConfig.register();
        return new EntrySealKey(KeysetHandle.generateNew(HmacParameters.builder().setKeySizeBytes(32).setTagSizeBytes(32)
                .setHashType(HmacParameters.HashType.SHA256).setVariant(HmacParameters.Variant.NO_PREFIX).build()));
    }

    /** Loads a cleartext Tink JSON keyset, as written by {@link #toCleartextKeysetJson()}. */
    public static EntrySealKey fromCleartextKeysetJson(String json) throws GeneralSecurityException {
        MacConfig.register();
        return new EntrySealKey(TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()));
    }

    /** The keyset as cleartext JSON, to be sealed at once by whoever stores it. */
    public String toCleartextKeysetJson() throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    }

    /** The seal of {@code data}, as 64 lower-case hex digits. */
    public String seal(byte[] data) {
        try {
            return HexFormat.of().formatHex(mac.computeMac(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed", e);
        }
    }

    /** Whether {@code seal} is this key's seal of {@code data} (compared in constant time by Tink). */
    public boolean verify(String seal, byte[] data) {
        if (seal == null || seal.length() != 64) {
            return false;
        }
        try {
            mac.verifyMac(HexFormat.of().parseHex(seal), data);
            return true;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
