package org.caseshare.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MerkleTreeBuilderTests {

    @Test
    void rootAtEverySizeUpTo300MatchesTheNaiveRecursion() {
        List<byte[]> leaves = NaiveMerkle.leafHashes(300);
        MerkleTreeBuilder builder = new MerkleTreeBuilder();
        assertThat(builder.root()).isEqualTo(NaiveMerkle.mth(List.of()));
        for (int size = 1; size <= leaves.size(); size++) {
            builder.appendLeafHash(leaves.get(size - 1));
            assertThat(builder.size()).isEqualTo(size);
            assertThat(builder.root()).as("root of %d", size).isEqualTo(NaiveMerkle.mth(leaves.subList(0, size)));
        }
    }

    @Test
    void frontierHasOneHashPerSetBitOfTheSize() {
        MerkleTreeBuilder builder = new MerkleTreeBuilder();
        NaiveMerkle.leafHashes(13).forEach(builder::appendLeafHash);
        assertThat(builder.frontier()).hasSize(Long.bitCount(13));
    }

    @Test
    void resumingFromAFrontierContinuesTheSameTree() {
        List<byte[]> leaves = NaiveMerkle.leafHashes(100);
        for (int split = 0; split <= 100; split += 7) {
            MerkleTreeBuilder first = new MerkleTreeBuilder();
            leaves.subList(0, split).forEach(first::appendLeafHash);
            MerkleTreeBuilder resumed = MerkleTreeBuilder.resume(first.size(), first.frontier());
            leaves.subList(split, 100).forEach(resumed::appendLeafHash);
            assertThat(resumed.root()).as("resumed at %d", split).isEqualTo(NaiveMerkle.mth(leaves));
        }
    }

    @Test
    void resumeRefusesAFrontierThatDoesNotFitTheSize() {
        List<byte[]> two = NaiveMerkle.leafHashes(2);
        assertThatIllegalArgumentException().isThrownBy(() -> MerkleTreeBuilder.resume(4, two))
            .withMessageContaining("frontier of 1 hashes, not 2");
        assertThatIllegalArgumentException().isThrownBy(() -> MerkleTreeBuilder.resume(-1, List.of()));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> MerkleTreeBuilder.resume(1, List.of(new byte[] { 1, 2, 3 })));
    }

    @Test
    void appendRefusesSomethingThatIsNotALeafHash() {
        MerkleTreeBuilder builder = new MerkleTreeBuilder();
        assertThatIllegalArgumentException().isThrownBy(() -> builder.appendLeafHash(new byte[33]));
        assertThatIllegalArgumentException().isThrownBy(() -> builder.appendLeafHash(null));
        assertThat(builder.size()).isZero();
    }

    @Test
    void changingAnyLeafChangesTheRoot() {
        List<byte[]> leaves = NaiveMerkle.leafHashes(37);
        byte[] root = NaiveMerkle.mth(leaves);
        for (int i = 0; i < leaves.size(); i++) {
            MerkleTreeBuilder builder = new MerkleTreeBuilder();
            for (int j = 0; j < leaves.size(); j++) {
                byte[] leaf = leaves.get(j).clone();
                if (i == j) {
                    leaf[31] ^= 1;
                }
                builder.appendLeafHash(leaf);
            }
            assertThat(builder.root()).as("leaf %d altered", i).isNotEqualTo(root);
        }
    }

    /**
     * Not a timed assertion: prints how long streaming a million leaves takes, and checks the
     * streamed root against the naive recursion over the same leaves.
     */
    @Test
    void millionLeafMicroCheck() {
        int n = 1_000_000;
        long start = System.nanoTime();
        MerkleTreeBuilder builder = new MerkleTreeBuilder();
        byte[] entry = new byte[8];
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < 8; b++) {
                entry[b] = (byte) ((long) i >>> (56 - 8 * b));
            }
            builder.appendEntry(entry);
        }
        byte[] root = builder.root();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("MerkleTreeBuilder: hashed and appended %,d entries in %,d ms (root %s)%n", n, millis,
                MerkleHash.hex(root));

        List<byte[]> leaves = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < 8; b++) {
                entry[b] = (byte) ((long) i >>> (56 - 8 * b));
            }
            leaves.add(NaiveMerkle.leaf(entry));
        }
        assertThat(builder.size()).isEqualTo(n);
        assertThat(root).isEqualTo(NaiveMerkle.mth(leaves));
    }

}
