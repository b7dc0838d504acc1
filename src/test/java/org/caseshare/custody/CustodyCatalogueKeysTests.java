package org.caseshare.custody;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.caseshare.policy.Channel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue keys the custody and incident pages name dynamically (from an enum
 * constant or a safeguard id), which MessageCataloguesTests cannot see in the templates, exist in
 * English and in Welsh.
 */
class CustodyCatalogueKeysTests {

    @Test
    void everyDynamicKeyIsInBothLanguages() throws IOException {
        List<String> keys = new ArrayList<>();
        for (DeviceType type : DeviceType.values()) {
            keys.add("custody.device-type." + type.name());
        }
        for (ItemKind kind : ItemKind.values()) {
            keys.add("custody.kind." + kind.name());
        }
        for (ItemStatus status : ItemStatus.values()) {
            keys.add("custody.item-status." + status.name());
            keys.add("custody.refused.closed." + status.name());
        }
        for (Channel channel : Channel.values()) {
            keys.add("custody.channel." + channel.name());
        }
        CustodyRegister.SAFEGUARDS.values().forEach(ids -> ids.forEach(id -> keys.add("custody.new.safeguard." + id)));
        Device unverified = new Device(UUID.randomUUID(), UUID.randomUUID(), DeviceType.USB_STICK, "IT-1", null, UUID.randomUUID(),
                java.time.Instant.EPOCH, null, null, null, null, null, null, null, 0);
        keys.add(unverified.statusKey());
        keys.add(unverified.whyNotUsableCode());
        keys.add("custody.device.status.approved");
        keys.add("custody.device.status.withdrawn");
        keys.add("custody.error.device.withdrawn");
        check("custody", keys);

        check("incident", List.of("incident.status.awaiting", "incident.status.reported", "incident.status.not-reported",
                "incident.error.people", "incident.error.records", "incident.error.people.number", "incident.error.records.number"));
    }

    private static void check(String area, List<String> keys) throws IOException {
        Properties english = load(area + ".properties");
        Properties welsh = load(area + "_cy.properties");
        assertThat(keys).as("keys missing from i18n/" + area + ".properties").allMatch(english::containsKey);
        assertThat(keys).as("keys missing from i18n/" + area + "_cy.properties").allMatch(welsh::containsKey);
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/i18n", file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
