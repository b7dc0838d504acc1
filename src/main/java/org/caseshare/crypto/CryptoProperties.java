package org.caseshare.crypto;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the key-encryption keyset comes from.
 *
 * @param keysetFile a Tink JSON keyset file, generated on first run when absent (with a loud warning)
 * @param keyset     the same keyset as JSON text, e.g. from an environment variable or a secret
 *                   manager; when set it wins over the file and nothing is written to disk
 */
@ConfigurationProperties("caseshare.crypto")
public record CryptoProperties(Path keysetFile, String keyset) {
}
