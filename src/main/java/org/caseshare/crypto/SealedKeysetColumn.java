package org.caseshare.crypto;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The crypto module's own sealed columns: the shared MAC keys of {@link SharedMacKeys}, and the
 * readiness canary of {@link KeysetHealthIndicator} (left under a retired key, it would take every
 * node out of its load balancer).
 */
@Configuration(proxyBeanMethods = false)
class SealedKeysetColumn {

    @Bean
    SealedColumn sharedMacKeysColumn() {
        return SealedColumn.of("shared MAC keys", "sealed_keyset", "name", "varchar", "sealed_keyset",
                row -> new SealedColumn.SecretBoxSealing(SharedMacKeys.context(row.getString("id"))));
    }

    @Bean
    SealedColumn keysetCanaryColumn() {
        return SealedColumn.of("readiness canary", "keyset_canary", "id", "integer", "sealed",
                row -> new SealedColumn.SecretBoxSealing(KeysetHealthIndicator.CONTEXT));
    }
}
