package org.caseshare.audit;

import org.caseshare.crypto.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit signing keys, sealed under the key-encryption keyset, for key rotation to re-seal. */
@Configuration(proxyBeanMethods = false)
class AuditSealedColumns {

    @Bean
    SealedColumn auditSigningKeysColumn() {
        return SealedColumn.of("audit signing keys", "audit_signing_key", "id", "integer", "sealed_keyset",
                row -> new SealedColumn.SecretBoxSealing(AuditKeys.SEAL_CONTEXT));
    }
}
