package org.caseshare.identity;

import java.util.UUID;

import org.caseshare.crypto.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Identity's values sealed under the key-encryption keyset, for key rotation to re-seal. */
@Configuration(proxyBeanMethods = false)
class IdentitySealedColumns {

    @Bean
    SealedColumn totpSecretsColumn() {
        return SealedColumn.of("second-factor secrets", "account", "id", "uuid", "totp_secret",
                row -> new SealedColumn.SecretBoxSealing(SecondFactor.context(UUID.fromString(row.getString("id")))));
    }

    @Bean
    SealedColumn ssoClientSecretsColumn() {
        return SealedColumn.of("single sign-on client secrets", "sso_provider", "organisation_id", "uuid", "client_secret_sealed",
                row -> new SealedColumn.SecretBoxSealing(SsoSettings.secretContext(UUID.fromString(row.getString("id")))));
    }
}
