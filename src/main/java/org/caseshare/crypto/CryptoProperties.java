package org.caseshare.crypto;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Where the key-encryption keyset comes from.
 *
 * @param keysetFile  a Tink JSON keyset file, generated on first run when absent (with a loud warning)
 * @param keyset      the same keyset as JSON text, e.g. from an environment variable or a secret
 *                    manager; when set it wins over the file and nothing is written to disk
 * @param reloadEvery how often a running node looks at the keyset file for a change made by
 *                    {@code caseshare keys}, so that every node learns a new key without a restart
 * @param kms         a key management service that encrypts the keyset itself (optional)
 */
@ConfigurationProperties("caseshare.crypto")
public record CryptoProperties(Path keysetFile, String keyset, Duration reloadEvery, Kms kms) {

    @ConstructorBinding
    public CryptoProperties {
        reloadEvery = reloadEvery == null ? Duration.ofSeconds(30) : reloadEvery;
        kms = kms == null ? new Kms(null, null, null, null, null, null) : kms;
    }

    public CryptoProperties(Path keysetFile, String keyset) {
        this(keysetFile, keyset, null, null);
    }

    /**
     * HashiCorp Vault's transit engine (or OpenBao's), which encrypts the keyset so that the file or
     * text alone opens nothing: the key that opens it never leaves Vault.
     *
     * @param address        Vault's base URL, e.g. {@code https://vault.internal:8200}; empty: no KMS
     * @param token          a Vault token allowed to use {@code transit/encrypt} and {@code transit/decrypt} on the key
     * @param mount          the transit engine's mount path (default {@code transit})
     * @param keyName        the transit key's name
     * @param connectTimeout how long to wait to connect (default 5 s)
     * @param readTimeout    how long to wait for an answer (default 10 s)
     */
    public record Kms(URI address, String token, String mount, String keyName, Duration connectTimeout, Duration readTimeout) {

        public Kms {
            mount = mount == null || mount.isBlank() ? "transit" : mount;
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        }

        public boolean enabled() {
            return address != null && !address.toString().isBlank();
        }
    }
}
