package org.caseshare.exchange;

import java.util.UUID;

import org.caseshare.crypto.FileContext;
import org.caseshare.crypto.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hub's wrapped data keys, for key rotation to re-wrap. Only the key changes: the blobs and the
 * sealed names are under each file's own data key, which rotation leaves as it is.
 */
@Configuration(proxyBeanMethods = false)
class ExchangeSealedColumns {

    @Bean
    SealedColumn hubFileKeysColumn() {
        return new SealedColumn("hub file data keys", "hub_file", "id", "uuid", "wrapped_key",
                "join hub_package on hub_package.id = hub_file.package_id",
                "hub_package.organisation_id as organisation_id, hub_file.package_id as package_id",
                row -> new SealedColumn.FileKeySealing(new FileContext(UUID.fromString(row.getString("organisation_id")),
                        UUID.fromString(row.getString("package_id")), UUID.fromString(row.getString("id")))));
    }
}
