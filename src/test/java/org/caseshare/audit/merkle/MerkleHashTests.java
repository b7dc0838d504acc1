package org.caseshare.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.caseshare.audit.merkle.NaiveMerkle.hex;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Known answers from the Certificate Transparency reference tests (transparency-dev/merkle
 * testonly/constants.go and proof/verify_test.go; the same tree as certificate-transparency's
 * merkle_tree_test): eight leaves and the roots of their first 1..8.
 */
class MerkleHashTests {

    static final List<byte[]> CT_ENTRIES = List.of(hex(""), hex("00"), hex("10"), hex("2021"), hex("3031"),
            hex("40414243"), hex("5051525354555657"), hex("606162636465666768696a6b6c6d6e6f"));

    static final String EMPTY_ROOT = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    static final List<String> CT_ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    static List<byte[]> ctLeafHashes() {
        List<byte[]> hashes = new ArrayList<>();
        CT_ENTRIES.forEach(entry -> hashes.add(MerkleHash.leafHash(entry)));
        return hashes;
    }

    @Test
    void emptyTreeIsSha256OfNothing() {
        assertThat(HexFormat.of().formatHex(MerkleHash.emptyRoot())).isEqualTo(EMPTY_ROOT);
        assertThat(HexFormat.of().formatHex(new MerkleTreeBuilder().root())).isEqualTo(EMPTY_ROOT);
        assertThat(HexFormat.of().formatHex(new MerkleTree(LeafHashes.of(List.of())).rootHash(0)))
            .isEqualTo(EMPTY_ROOT);
    }

    @Test
    void leafAndNodeHashesAreDomainSeparated() {
        byte[] entry = hex("2021");
        assertThat(MerkleHash.leafHash(entry)).isEqualTo(NaiveMerkle.sha256(hex("00"), entry));
        byte[] a = MerkleHash.leafHash(hex("00"));
        byte[] b = MerkleHash.leafHash(hex("10"));
        assertThat(MerkleHash.nodeHash(a, b)).isEqualTo(NaiveMerkle.sha256(hex("01"), a, b));
        assertThat(MerkleHash.nodeHash(a, b)).isNotEqualTo(MerkleHash.leafHash(concat(a, b)));
    }

    @Test
    void rootsOfTheReferenceTreeMatchTheKnownAnswers() {
        List<byte[]> leafHashes = ctLeafHashes();
        MerkleTree tree = new MerkleTree(LeafHashes.of(leafHashes));
        MerkleTreeBuilder builder = new MerkleTreeBuilder();
        for (int size = 1; size <= 8; size++) {
            builder.appendEntry(CT_ENTRIES.get(size - 1));
            String expected = CT_ROOTS.get(size - 1);
            assertThat(HexFormat.of().formatHex(builder.root())).as("builder root of %d", size).isEqualTo(expected);
            assertThat(HexFormat.of().formatHex(tree.rootHash(size))).as("tree root of %d", size).isEqualTo(expected);
            assertThat(HexFormat.of().formatHex(NaiveMerkle.mth(leafHashes.subList(0, size))))
                .as("naive root of %d", size)
                .isEqualTo(expected);
        }
    }

    @Test
    void nodeHashRefusesInputsThatAreNotHashes() {
        byte[] good = MerkleHash.emptyRoot();
        assertThatIllegalArgumentException().isThrownBy(() -> MerkleHash.nodeHash(good, new byte[31]))
            .withMessageContaining("32 bytes");
        assertThatIllegalArgumentException().isThrownBy(() -> MerkleHash.nodeHash(null, good));
        assertThatIllegalArgumentException().isThrownBy(() -> MerkleHash.leafHash(null));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

}
