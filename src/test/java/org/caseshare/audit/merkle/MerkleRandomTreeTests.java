package org.caseshare.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties over random trees, each run from a fixed seed so any failure can be replayed: the
 * streaming root equals the naive root, and random inclusion and consistency proofs verify.
 */
class MerkleRandomTreeTests {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void streamingRootEqualsNaiveRecursiveRoot(long seed) {
        Random random = new Random(seed);
        List<byte[]> entries = randomEntries(random, random.nextInt(1500));
        MerkleTreeBuilder builder = new MerkleTreeBuilder();
        List<byte[]> leafHashes = new ArrayList<>();
        for (byte[] entry : entries) {
            builder.appendEntry(entry);
            leafHashes.add(NaiveMerkle.leaf(entry));
        }
        assertThat(builder.root()).as("seed %d, %d entries", seed, entries.size())
            .isEqualTo(NaiveMerkle.mth(leafHashes));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void proofsBetweenRandomSizesVerify(long seed) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(1500);
        int m = random.nextInt(n + 1);
        List<byte[]> leafHashes = new ArrayList<>();
        randomEntries(random, n).forEach(entry -> leafHashes.add(NaiveMerkle.leaf(entry)));
        MerkleTree tree = new MerkleTree(LeafHashes.of(leafHashes));
        byte[] rootM = tree.rootHash(m);
        byte[] rootN = tree.rootHash(n);

        List<byte[]> consistency = tree.consistencyProof(m, n);
        assertThat(MerkleVerifier.isValidConsistency(m, n, rootM, rootN, consistency))
            .as("seed %d: consistency %d to %d", seed, m, n)
            .isTrue();

        int index = random.nextInt(n);
        List<byte[]> inclusion = tree.inclusionProof(index, n);
        assertThat(MerkleVerifier.isValidInclusion(leafHashes.get(index), index, n, inclusion, rootN))
            .as("seed %d: leaf %d of %d", seed, index, n)
            .isTrue();
        if (index < m) {
            assertThat(MerkleVerifier.isValidInclusion(leafHashes.get(index), index, m, tree.inclusionProof(index, m),
                    rootM))
                .as("seed %d: leaf %d of %d", seed, index, m)
                .isTrue();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aChangedEntryBreaksConsistencyWithTheOriginal(long seed) {
        Random random = new Random(seed);
        int n = 2 + random.nextInt(500);
        int m = 1 + random.nextInt(n - 1);
        List<byte[]> original = new ArrayList<>();
        randomEntries(random, n).forEach(entry -> original.add(NaiveMerkle.leaf(entry)));
        List<byte[]> rewritten = new ArrayList<>(original);
        int changed = random.nextInt(m);
        rewritten.set(changed, NaiveMerkle.leaf(new byte[] { 42, (byte) changed }));

        byte[] trustedOldRoot = new MerkleTree(LeafHashes.of(original)).rootHash(m);
        MerkleTree tampered = new MerkleTree(LeafHashes.of(rewritten));
        assertThat(MerkleVerifier.isValidConsistency(m, n, trustedOldRoot, tampered.rootHash(n),
                tampered.consistencyProof(m, n)))
            .as("seed %d: entry %d rewritten, %d to %d", seed, changed, m, n)
            .isFalse();
    }

    private static List<byte[]> randomEntries(Random random, int count) {
        List<byte[]> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] entry = new byte[random.nextInt(40)];
            random.nextBytes(entry);
            entries.add(entry);
        }
        return entries;
    }

}
