package org.caseshare.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The manifest as an operator reads it and as restore reads it back. */
class ManifestTests {

    final Manifest manifest = new Manifest(Manifest.FORMAT, "b-1", "0.1.0", "2026-12-07T05:00:00Z", "H2", "24",
            List.of(new Manifest.Table("organisation", 3, "db/001-organisation", 420, "ab".repeat(32))),
            List.of(new Manifest.Blob("hub/x/y", "blobs/000001", 1000, "cd".repeat(32))),
            List.of("hub/x/z"), new Manifest.Audit(41, 40L, "root="));

    @Test
    void roundTripsThroughItsJson() {
        byte[] json = Backups.JSON.writeValueAsBytes(manifest);

        assertThat(Backups.JSON.readValue(json, Manifest.class)).isEqualTo(manifest);
    }

    @Test
    void namesEverythingAnOperatorChecks() {
        JsonNode json = Backups.JSON.readTree(Backups.JSON.writeValueAsBytes(manifest));

        assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(json.get("tables").get(0).get("rows").asLong()).isEqualTo(3);
        assertThat(json.get("tables").get(0).get("sha256").asString()).hasSize(64);
        assertThat(json.get("blobs").get(0).get("size").asLong()).isEqualTo(1000);
        assertThat(json.get("audit").get("entries").asLong()).isEqualTo(41);
        assertThat(json.get("blobsDeletedDuringBackup").get(0).asString()).isEqualTo("hub/x/z");
    }

    @Test
    void rowsOfATableNotBackedUpIsAnError() {
        assertThat(manifest.rowsOf("organisation")).isEqualTo(3);
        assertThatThrownBy(() -> manifest.rowsOf("account")).isInstanceOf(IllegalArgumentException.class);
    }
}
