package org.caseshare.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.caseshare.crypto.CryptoProperties;
import org.caseshare.crypto.MasterKeyset;
import org.caseshare.crypto.SecretBox;
import org.caseshare.support.Management;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What a load balancer, an orchestrator and a monitoring system see: public liveness and readiness
 * (database, blob store, keyset), details and the rest of the actuator only with the management token,
 * and a node whose keyset cannot open the database's canary taken out of readiness.
 */
abstract class OperationsHealthTests extends OperationsEndpoints {

    @Test
    void livenessAndReadinessArePublicAndReadinessCoversTheDatabaseTheBlobStoreAndTheKeyset() throws Exception {
        for (String path : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = get(path, null);
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("status").asString()).isEqualTo("UP");
            assertThat(body.has("components")).as("no details without the management token").isFalse();
        }
        JsonNode readiness = JSON.readTree(get("/actuator/health/readiness", Management.TOKEN).body());
        assertThat(readiness.path("components").propertyNames()).contains("db", "blobStore", "keyset", "readinessState", "mailBacklog");
        assertThat(readiness.path("components").path("keyset").path("status").asString()).isEqualTo("UP");
        assertThat(readiness.path("components").path("blobStore").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void onlyHealthAndInfoArePublicTheRestOfTheActuatorNeedsTheManagementToken() throws Exception {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/env", "/actuator/beans"}) {
            HttpResponse<String> anonymous = get(path, null);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
            assertThat(get(path, Management.TOKEN + "x").statusCode()).as(path + " with a wrong token").isEqualTo(401);
        }
        assertThat(get("/actuator/prometheus", Management.TOKEN).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics", Management.TOKEN).statusCode()).isEqualTo(200);
        // Exposed to nobody, token or not.
        assertThat(get("/actuator/env", Management.TOKEN).statusCode()).isIn(403, 404);
    }

    @Test
    void aNodeWhoseKeysetCannotOpenTheCanaryIsNotReadyAndSaysWhyWithoutASecret() throws Exception {
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200); // seals the canary if not yet
        String original = jdbc.sql("select sealed from keyset_canary where id = 1").query(String.class).single();
        AeadConfig.register();
        String otherKeyset = TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
                InsecureSecretKeyAccess.get());
        SecretBox otherNode = new SecretBox(new MasterKeyset(new CryptoProperties(null, otherKeyset)));
        // What a node with another keyset would have sealed: this node, with its own keyset, cannot open it.
        jdbc.sql("update keyset_canary set sealed = ? where id = 1").param(otherNode.seal("caseshare keyset canary", "keyset-canary")).update();
        try {
            HttpResponse<String> readiness = get("/actuator/health/readiness", null);
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(readiness.body()).path("status").asString()).isEqualTo("DOWN");
            assertThat(get("/actuator/health/liveness", null).statusCode()).as("restarting would not help: still live").isEqualTo(200);

            HttpResponse<String> detailed = get("/actuator/health/readiness", Management.TOKEN);
            JsonNode keyset = JSON.readTree(detailed.body()).path("components").path("keyset");
            assertThat(keyset.path("status").asString()).isEqualTo("DOWN");
            assertThat(keyset.path("details").path("reason").asString()).contains("keyset");
            assertThat(detailed.body()).doesNotContain(original.substring(3, 20)).doesNotContain("primaryKeyId").doesNotContain("Exception");
        } finally {
            jdbc.sql("update keyset_canary set sealed = ? where id = 1").param(original).update();
        }
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }
}
