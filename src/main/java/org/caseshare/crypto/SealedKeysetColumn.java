package org.caseshare.crypto;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The crypto module's own sealed column: the shared MAC keys of {@link SharedMacKeys}. */
@Configuration(proxyBeanMethods = false)
class SealedKeysetColumn {

    @Bean
    SealedColumn sharedMacKeysColumn() {
        return SealedColumn.of("shared MAC keys", "sealed_keyset", "name", "varchar", "sealed_keyset",
                row -> new SealedColumn.SecretBoxSealing(SharedMacKeys.context(row.getString("id"))));
    }
}
