package org.caseshare.channels;

import java.util.UUID;

import org.caseshare.crypto.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The channels' values sealed under the key-encryption keyset, for key rotation to re-seal. */
@Configuration(proxyBeanMethods = false)
class ChannelsSealedColumns {

    @Bean
    SealedColumn emailPasswordsColumn() {
        return SealedColumn.of("email attachment passwords", "channel_email_attachment", "sharing_record_id", "uuid", "sealed_password",
                row -> new SealedColumn.SecretBoxSealing(EmailChannel.context(UUID.fromString(row.getString("id")))));
    }
}
