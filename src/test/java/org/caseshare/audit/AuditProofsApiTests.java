package org.caseshare.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.caseshare.audit.merkle.Checkpoint;
import org.caseshare.audit.merkle.CheckpointSigner;
import org.caseshare.audit.merkle.CheckpointVerificationException;
import org.caseshare.audit.merkle.CheckpointVerifier;
import org.caseshare.audit.merkle.MerkleVerifier;
import org.caseshare.crypto.AuditSigningKey;
import org.caseshare.crypto.AuditVerifyingKey;
import org.caseshare.directory.Organisation;
import org.caseshare.identity.Role;
import org.caseshare.support.Fixtures;
import org.caseshare.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An outsider's check of the API's proofs: with only the published key, a genuine proof verifies
 * and a forged one (changed hash, wrong size, a checkpoint signed by another key) does not.
 */
abstract class AuditProofsApiTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AuditTrail audit;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    AuditKeys keys;

    Organisation organisation;
    String dpoToken;
    long seq;
    long firstSize;
    long secondSize;

    @BeforeEach
    void anEntryBetweenTwoCheckpoints() {
        organisation = fixtures.organisation("Proofs");
        dpoToken = fixtures.token(fixtures.person(organisation, Role.DATA_PROTECTION_OFFICER));
        firstSize = checkpoints.checkpointNow().map(AuditCheckpoint::treeSize)
                .orElseGet(() -> checkpoints.latest().orElseThrow().treeSize());
        seq = audit.sequenceOf(audit.record(AuditEvent.success("test.proof", "tester", organisation.id(), "record:proof")), Duration.ofSeconds(30));
        secondSize = checkpoints.checkpointNow().orElseThrow().treeSize();
    }

    @Test
    void anInclusionProofVerifiesWithThePublishedKeyAndAForgedOneDoesNot() throws Exception {
        JsonNode proof = json(api("/api/v1/audit/proofs/inclusion?seq=" + seq + "&treeSize=" + secondSize, dpoToken)
                .andExpect(status().isOk()));
        AuditVerifyingKey key = AuditVerifyingKey.parse(keys.verifyingKey().verifierKey());
        Checkpoint checkpoint = Checkpoint.open(proof.get("checkpoint").asString(), verifier(key));
        byte[] leafHash = org.caseshare.audit.merkle.MerkleHash.leafHash(b64(proof.get("leafData").asString()));
        List<byte[]> path = hashes(proof.get("proof"));

        MerkleVerifier.verifyInclusion(leafHash, seq - 1, checkpoint.size(), path, checkpoint.rootHash());

        byte[] forged = path.get(0).clone();
        forged[31] ^= 1;
        List<byte[]> forgedPath = new ArrayList<>(path);
        forgedPath.set(0, forged);
        assertThat(MerkleVerifier.isValidInclusion(leafHash, seq - 1, checkpoint.size(), forgedPath, checkpoint.rootHash())).isFalse();
        assertThat(MerkleVerifier.isValidInclusion(leafHash, seq - 1, checkpoint.size() + 1, path, checkpoint.rootHash())).isFalse();
        byte[] otherEntry = b64(proof.get("leafData").asString());
        otherEntry[otherEntry.length - 1] ^= 1;
        assertThat(MerkleVerifier.isValidInclusion(org.caseshare.audit.merkle.MerkleHash.leafHash(otherEntry), seq - 1,
                checkpoint.size(), path, checkpoint.rootHash())).isFalse();
    }

    @Test
    void aCheckpointSignedByAnyOtherKeyIsRejected() throws Exception {
        JsonNode proof = json(api("/api/v1/audit/proofs/inclusion?seq=" + seq, dpoToken).andExpect(status().isOk()));
        Checkpoint genuine = Checkpoint.fromNoteText(proof.get("checkpoint").asString().split("\n\n")[0] + "\n");
        AuditSigningKey impostor = AuditSigningKey.generate(keys.origin());
        String forged = new Checkpoint(genuine.origin(), genuine.size(), new byte[32], genuine.timestamp())
                .sign(CheckpointSigner.of(impostor.keyName(), impostor.keyId(), impostor::sign));

        assertThatThrownBy(() -> Checkpoint.open(forged, verifier(keys.verifyingKey())))
                .isInstanceOf(CheckpointVerificationException.class);
    }

    @Test
    void aConsistencyProofLinksTwoCheckpointsAndSwappedRootsFail() throws Exception {
        JsonNode proof = json(api("/api/v1/audit/proofs/consistency?from=" + firstSize + "&to=" + secondSize, dpoToken)
                .andExpect(status().isOk()));
        Checkpoint from = Checkpoint.open(proof.get("fromCheckpoint").asString(), verifier(keys.verifyingKey()));
        Checkpoint to = Checkpoint.open(proof.get("toCheckpoint").asString(), verifier(keys.verifyingKey()));
        List<byte[]> path = hashes(proof.get("proof"));

        MerkleVerifier.verifyConsistency(from.size(), to.size(), from.rootHash(), to.rootHash(), path);
        assertThat(MerkleVerifier.isValidConsistency(from.size(), to.size(), to.rootHash(), from.rootHash(), path)).isFalse();
    }

    @Test
    void onlyOverseersOfTheEntrysOrganisationGetProofs() throws Exception {
        String practitioner = fixtures.token(fixtures.person(organisation, Role.PRACTITIONER));
        String otherDpo = fixtures.token(fixtures.person(fixtures.organisation("Other"), Role.DATA_PROTECTION_OFFICER));

        api("/api/v1/audit/proofs/inclusion?seq=" + seq, practitioner).andExpect(status().isForbidden());
        api("/api/v1/audit/proofs/consistency?from=" + firstSize + "&to=" + secondSize, practitioner).andExpect(status().isForbidden());
        api("/api/v1/audit/proofs/inclusion?seq=" + seq, otherDpo).andExpect(status().isNotFound());
        api("/api/v1/audit/proofs/inclusion?seq=" + seq, null).andExpect(status().isUnauthorized());
    }

    @Test
    void sizesThatAreNotCheckpointsAreRefused() throws Exception {
        api("/api/v1/audit/proofs/inclusion?seq=" + seq + "&treeSize=" + (secondSize + 1000), dpoToken).andExpect(status().isNotFound());
        api("/api/v1/audit/proofs/inclusion?seq=" + seq + "&treeSize=" + firstSize, dpoToken)
                .andExpect(status().isUnprocessableContent());
        api("/api/v1/audit/proofs/consistency?from=" + secondSize + "&to=" + firstSize, dpoToken)
                .andExpect(status().isUnprocessableContent());
    }

    private ResultActions api(String url, String token) throws Exception {
        var request = get(url);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return mvc.perform(request);
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private static CheckpointVerifier verifier(AuditVerifyingKey key) {
        return CheckpointVerifier.of(key.keyName(), key.keyId(), key::verify);
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(node -> hashes.add(b64(node.asString())));
        return hashes;
    }

    private static byte[] b64(String text) {
        return Base64.getDecoder().decode(text);
    }
}
