package org.caseshare.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.caseshare.audit.merkle.NaiveMerkle.hex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MerkleProofTests {

    static IntStream sizes() {
        return IntStream.rangeClosed(1, 64);
    }

    // ---- known answers: transparency-dev/merkle proof/verify_test.go, leaves of MerkleHashTests ----

    @Test
    void inclusionProofsMatchTheKnownAnswers() {
        MerkleTree tree = new MerkleTree(LeafHashes.of(MerkleHashTests.ctLeafHashes()));
        assertThat(tree.inclusionProof(0, 1)).isEmpty();
        assertProof(tree.inclusionProof(0, 8), "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertProof(tree.inclusionProof(5, 8), "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertProof(tree.inclusionProof(2, 3), "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertProof(tree.inclusionProof(1, 5), "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void consistencyProofsMatchTheKnownAnswers() {
        MerkleTree tree = new MerkleTree(LeafHashes.of(MerkleHashTests.ctLeafHashes()));
        assertThat(tree.consistencyProof(1, 1)).isEmpty();
        assertProof(tree.consistencyProof(1, 8), "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertProof(tree.consistencyProof(6, 8), "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertProof(tree.consistencyProof(2, 5), "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertProof(tree.consistencyProof(6, 7), "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        for (int[] pair : new int[][] { { 1, 8 }, { 6, 8 }, { 2, 5 }, { 6, 7 } }) {
            MerkleVerifier.verifyConsistency(pair[0], pair[1], hex(MerkleHashTests.CT_ROOTS.get(pair[0] - 1)),
                    hex(MerkleHashTests.CT_ROOTS.get(pair[1] - 1)), tree.consistencyProof(pair[0], pair[1]));
        }
    }

    // ---- every index and pair of sizes 1..64: generated proofs verify, forgeries do not ----

    @ParameterizedTest(name = "tree of {0}")
    @MethodSource("sizes")
    void everyInclusionProofVerifiesAndEveryForgeryIsRefused(int size) {
        List<byte[]> leaves = NaiveMerkle.leafHashes(size + 1);
        MerkleTree tree = new MerkleTree(LeafHashes.of(leaves));
        byte[] root = tree.rootHash(size);
        assertThat(root).isEqualTo(NaiveMerkle.mth(leaves.subList(0, size)));
        for (int index = 0; index < size; index++) {
            List<byte[]> proof = tree.inclusionProof(index, size);
            assertThat(proof).as("proof of %d in %d", index, size)
                .containsExactlyElementsOf(NaiveMerkle.path(index, leaves.subList(0, size)));
            MerkleVerifier.verifyInclusion(leaves.get(index), index, size, proof, root);
            for (Map.Entry<String, Runnable> forgery : inclusionForgeries(leaves, index, size, proof, root)
                .entrySet()) {
                assertThat(catchThrowable(forgery.getValue()::run))
                    .as("leaf %d of %d, forged by %s", index, size, forgery.getKey())
                    .isInstanceOf(InvalidProofException.class);
            }
        }
    }

    private static Map<String, Runnable> inclusionForgeries(List<byte[]> leaves, long index, long size,
            List<byte[]> proof, byte[] root) {
        byte[] leaf = leaves.get((int) index);
        Map<String, Runnable> forgeries = new LinkedHashMap<>();
        forgeries.put("index - 1", () -> MerkleVerifier.verifyInclusion(leaf, index - 1, size, proof, root));
        forgeries.put("index + 1", () -> MerkleVerifier.verifyInclusion(leaf, index + 1, size, proof, root));
        forgeries.put("index ^ 2", () -> MerkleVerifier.verifyInclusion(leaf, index ^ 2, size, proof, root));
        forgeries.put("index = size", () -> MerkleVerifier.verifyInclusion(leaf, size, size, proof, root));
        forgeries.put("size * 2", () -> MerkleVerifier.verifyInclusion(leaf, index, size * 2, proof, root));
        forgeries.put("size / 2", () -> MerkleVerifier.verifyInclusion(leaf, index, size / 2, proof, root));
        forgeries.put("empty tree", () -> MerkleVerifier.verifyInclusion(leaf, index, 0, proof, root));
        forgeries.put("other leaf",
                () -> MerkleVerifier.verifyInclusion(leaves.get((int) size), index, size, proof, root));
        forgeries.put("empty root",
                () -> MerkleVerifier.verifyInclusion(leaf, index, size, proof, MerkleHash.emptyRoot()));
        if (size > 1) { // in a one-leaf tree the root is the leaf hash
            forgeries.put("leaf as root", () -> MerkleVerifier.verifyInclusion(leaf, index, size, proof, leaf));
        }
        forgeries.put("trailing root",
                () -> MerkleVerifier.verifyInclusion(leaf, index, size, with(proof, proof.size(), root), root));
        forgeries.put("preceding root",
                () -> MerkleVerifier.verifyInclusion(leaf, index, size, with(proof, 0, root), root));
        forgeries.put("short hash appended", () -> {
            List<byte[]> longer = new ArrayList<>(proof);
            longer.add(new byte[0]);
            MerkleVerifier.verifyInclusion(leaf, index, size, longer, root);
        });
        for (int i = 0; i < proof.size(); i++) {
            int at = i;
            forgeries.put("bit flipped in hash " + i,
                    () -> MerkleVerifier.verifyInclusion(leaf, index, size, flipped(proof, at), root));
            forgeries.put("hash " + i + " removed",
                    () -> MerkleVerifier.verifyInclusion(leaf, index, size, without(proof, at), root));
        }
        if (proof.size() > 1) {
            forgeries.put("first two swapped",
                    () -> MerkleVerifier.verifyInclusion(leaf, index, size, swapped(proof), root));
        }
        return forgeries;
    }

    @ParameterizedTest(name = "second size {0}")
    @MethodSource("sizes")
    void everyConsistencyProofVerifiesAndEveryForgeryIsRefused(int second) {
        List<byte[]> leaves = NaiveMerkle.leafHashes(second);
        MerkleTree tree = new MerkleTree(LeafHashes.of(leaves));
        byte[] root2 = tree.rootHash(second);
        for (int first = 0; first <= second; first++) {
            byte[] root1 = tree.rootHash(first);
            List<byte[]> proof = tree.consistencyProof(first, second);
            assertThat(proof).as("proof from %d to %d", first, second)
                .containsExactlyElementsOf(NaiveMerkle.proof(first, leaves));
            MerkleVerifier.verifyConsistency(first, second, root1, root2, proof);
            if (proof.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, Runnable> forgery : consistencyForgeries(first, second, root1, root2, proof)
                .entrySet()) {
                assertThat(catchThrowable(forgery.getValue()::run))
                    .as("%d to %d, forged by %s", first, second, forgery.getKey())
                    .isInstanceOf(InvalidProofException.class);
            }
        }
    }

    private static Map<String, Runnable> consistencyForgeries(long first, long second, byte[] root1, byte[] root2,
            List<byte[]> proof) {
        Map<String, Runnable> forgeries = new LinkedHashMap<>();
        forgeries.put("first - 1", () -> MerkleVerifier.verifyConsistency(first - 1, second, root1, root2, proof));
        forgeries.put("first + 1", () -> MerkleVerifier.verifyConsistency(first + 1, second, root1, root2, proof));
        forgeries.put("first ^ 2", () -> MerkleVerifier.verifyConsistency(first ^ 2, second, root1, root2, proof));
        forgeries.put("second * 2", () -> MerkleVerifier.verifyConsistency(first, second * 2, root1, root2, proof));
        forgeries.put("second / 2", () -> MerkleVerifier.verifyConsistency(first, second / 2, root1, root2, proof));
        forgeries.put("sizes swapped", () -> MerkleVerifier.verifyConsistency(second, first, root2, root1, proof));
        forgeries.put("roots swapped", () -> MerkleVerifier.verifyConsistency(first, second, root2, root1, proof));
        forgeries.put("wrong first root",
                () -> MerkleVerifier.verifyConsistency(first, second, MerkleHash.emptyRoot(), root2, proof));
        forgeries.put("wrong second root",
                () -> MerkleVerifier.verifyConsistency(first, second, root1, MerkleHash.emptyRoot(), proof));
        forgeries.put("empty proof",
                () -> MerkleVerifier.verifyConsistency(first, second, root1, root2, List.of()));
        forgeries.put("trailing root1",
                () -> MerkleVerifier.verifyConsistency(first, second, root1, root2, with(proof, proof.size(), root1)));
        forgeries.put("trailing root2",
                () -> MerkleVerifier.verifyConsistency(first, second, root1, root2, with(proof, proof.size(), root2)));
        forgeries.put("preceding root1",
                () -> MerkleVerifier.verifyConsistency(first, second, root1, root2, with(proof, 0, root1)));
        forgeries.put("preceding proof[0]",
                () -> MerkleVerifier.verifyConsistency(first, second, root1, root2, with(proof, 0, proof.get(0))));
        for (int i = 0; i < proof.size(); i++) {
            int at = i;
            forgeries.put("bit flipped in hash " + i,
                    () -> MerkleVerifier.verifyConsistency(first, second, root1, root2, flipped(proof, at)));
            forgeries.put("hash " + i + " removed",
                    () -> MerkleVerifier.verifyConsistency(first, second, root1, root2, without(proof, at)));
        }
        if (proof.size() > 1) {
            forgeries.put("first two swapped",
                    () -> MerkleVerifier.verifyConsistency(first, second, root1, root2, swapped(proof)));
        }
        return forgeries;
    }

    // ---- edge cases named in the RFC and in the reference tests ----

    @Test
    void inclusionInAnEmptyTreeOrOutsideTheTreeIsRefused() {
        byte[] leaf = NaiveMerkle.leafHashes(1).get(0);
        assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(leaf, 0, 0, List.of(), MerkleHash.emptyRoot()))
            .isInstanceOf(InvalidProofException.class)
            .hasMessageContaining("no leaves");
        assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(leaf, 1, 1, List.of(), leaf))
            .isInstanceOf(InvalidProofException.class)
            .hasMessageContaining("outside a tree of size 1");
        assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(leaf, -1, 1, List.of(), leaf))
            .isInstanceOf(InvalidProofException.class);
        assertThat(MerkleVerifier.isValidInclusion(leaf, 0, 1, List.of(), leaf)).isTrue();
        assertThat(MerkleVerifier.isValidInclusion(leaf, 0, 1, List.of(), new byte[0])).isFalse();
        assertThat(MerkleVerifier.isValidInclusion(new byte[0], 0, 1, List.of(), leaf)).isFalse();
        assertThat(MerkleVerifier.isValidInclusion(leaf, 0, 1, null, leaf)).isFalse();
    }

    @Test
    void trivialConsistencyIsOnlyAcceptedWithAnEmptyProofAndMatchingRoots() {
        byte[] empty = MerkleHash.emptyRoot();
        byte[] some = NaiveMerkle.leafHashes(1).get(0);
        byte[] other = NaiveMerkle.leafHashes(2).get(1);
        assertThat(MerkleVerifier.isValidConsistency(0, 0, empty, empty, List.of())).isTrue();
        assertThat(MerkleVerifier.isValidConsistency(0, 5, empty, some, List.of())).isTrue();
        assertThat(MerkleVerifier.isValidConsistency(1, 1, some, some, List.of())).isTrue();
        assertThat(MerkleVerifier.isValidConsistency(1, 1, some, other, List.of())).as("same size, other root")
            .isFalse();
        assertThat(MerkleVerifier.isValidConsistency(0, 5, some, some, List.of())).as("empty tree, non-empty root")
            .isFalse();
        assertThat(MerkleVerifier.isValidConsistency(0, 0, empty, empty, List.of(empty))).isFalse();
        assertThat(MerkleVerifier.isValidConsistency(0, 1, empty, some, List.of(empty))).isFalse();
        assertThat(MerkleVerifier.isValidConsistency(1, 1, some, some, List.of(empty))).isFalse();
        assertThat(MerkleVerifier.isValidConsistency(1, 2, some, other, List.of())).as("empty proof").isFalse();
        assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(2, 1, some, other, List.of(some)))
            .isInstanceOf(InvalidProofException.class)
            .hasMessageContaining("cannot shrink");
        assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(-1, 1, some, other, List.of()))
            .isInstanceOf(InvalidProofException.class);
    }

    /**
     * RFC 9162 hashes do not commit to the tree size: the path of leaf 0 in a tree of 3 has the same
     * shape as in a tree of 4, so it also "verifies" for size 4 against the size-3 root. Sizes must
     * therefore come from a signed checkpoint, never from whoever supplies the proof.
     */
    @Test
    void theTreeSizeMustComeFromTheCheckpointNotTheProof() {
        List<byte[]> leaves = NaiveMerkle.leafHashes(3);
        MerkleTree tree = new MerkleTree(LeafHashes.of(leaves));
        List<byte[]> proof = tree.inclusionProof(0, 3);
        assertThat(MerkleVerifier.isValidInclusion(leaves.get(0), 0, 3, proof, tree.rootHash(3))).isTrue();
        assertThat(MerkleVerifier.isValidInclusion(leaves.get(0), 0, 4, proof, tree.rootHash(3))).isTrue();
    }

    @Test
    void proofsCanOnlyBeAskedForWithinTheLog() {
        MerkleTree tree = new MerkleTree(LeafHashes.of(NaiveMerkle.leafHashes(5)));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.inclusionProof(5, 5));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.inclusionProof(0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.inclusionProof(0, 6));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.consistencyProof(4, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.consistencyProof(3, 6));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.rootHash(-1));
    }

    @Test
    void proofLengthsMatchTheNaiveProofsForLargeOddSizes() {
        for (long size : new long[] { 1_000_001L, (1L << 40) + 12345, Long.MAX_VALUE }) {
            for (long index : new long[] { 0, 1, size / 3, size - 2, size - 1 }) {
                assertThat(MerkleVerifier.inclusionProofLength(index, size)).isLessThanOrEqualTo(64);
            }
        }
        List<byte[]> leaves = NaiveMerkle.leafHashes(200);
        for (int n = 1; n <= 200; n++) {
            for (int m = 1; m < n; m++) {
                assertThat(MerkleVerifier.consistencyProofLength(m, n)).as("%d to %d", m, n)
                    .isEqualTo(NaiveMerkle.proof(m, leaves.subList(0, n)).size());
            }
        }
    }

    private static void assertProof(List<byte[]> proof, String... hexHashes) {
        assertThat(proof).hasSize(hexHashes.length);
        for (int i = 0; i < hexHashes.length; i++) {
            assertThat(MerkleHash.hex(proof.get(i))).as("hash %d", i).isEqualTo(hexHashes[i]);
        }
    }

    private static List<byte[]> with(List<byte[]> proof, int at, byte[] hash) {
        List<byte[]> out = new ArrayList<>(proof);
        out.add(at, hash);
        return out;
    }

    private static List<byte[]> without(List<byte[]> proof, int at) {
        List<byte[]> out = new ArrayList<>(proof);
        out.remove(at);
        return out;
    }

    private static List<byte[]> flipped(List<byte[]> proof, int at) {
        List<byte[]> out = new ArrayList<>(proof);
        byte[] hash = out.get(at).clone();
        hash[0] ^= 8;
        out.set(at, hash);
        return out;
    }

    private static List<byte[]> swapped(List<byte[]> proof) {
        List<byte[]> out = new ArrayList<>(proof);
        out.set(0, proof.get(1));
        out.set(1, proof.get(0));
        return out;
    }

}
