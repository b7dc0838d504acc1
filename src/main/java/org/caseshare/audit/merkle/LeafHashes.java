package org.caseshare.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Random access to the leaf hashes of a log, so that proofs can be built from whatever stores the
 * entries (a database table, a file, a list in a test) without loading them all.
 */
public interface LeafHashes {

    /** Number of leaves available. */
    long size();

    /** The 32-byte leaf hash at {@code index}, 0 <= index < size(). */
    byte[] leafHash(long index);

    /** A view of a list of leaf hashes, copied and checked once. */
    static LeafHashes of(List<byte[]> leafHashes) {
        List<byte[]> copies = new ArrayList<>(leafHashes.size());
        for (int i = 0; i < leafHashes.size(); i++) {
            copies.add(MerkleHash.requireHash(leafHashes.get(i), "leaf hash " + i));
        }
        return new LeafHashes() {
            @Override
            public long size() {
                return copies.size();
            }

            @Override
            public byte[] leafHash(long index) {
                if (index < 0 || index >= copies.size()) {
                    throw new IndexOutOfBoundsException("no leaf " + index + " among " + copies.size());
                }
                return copies.get((int) index).clone();
            }
        };
    }

}
