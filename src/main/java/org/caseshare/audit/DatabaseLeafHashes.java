package org.caseshare.audit;

import java.util.List;

import org.caseshare.audit.merkle.LeafHashes;
import org.caseshare.audit.merkle.MerkleHash;

/**
 * The leaf hashes of the first {@code size} entries, read a page at a time. Proof building reads
 * leaves mostly in ascending runs, so one cached page turns a million reads into fifty queries.
 */
final class DatabaseLeafHashes implements LeafHashes {

    private final AuditEntries entries;
    private final long size;
    private long pageStart = -1;
    private byte[][] page = new byte[0][];

    DatabaseLeafHashes(AuditEntries entries, long size) {
        this.entries = entries;
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public byte[] leafHash(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("no leaf " + index + " among " + size);
        }
        if (pageStart < 0 || index < pageStart || index >= pageStart + page.length) {
            load(index);
        }
        return page[(int) (index - pageStart)];
    }

    private void load(long index) {
        int length = (int) Math.min(AuditEntries.PAGE, size - index);
        List<AuditEntry> rows = entries.after(index, length);
        byte[][] hashes = new byte[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            AuditEntry entry = rows.get(i);
            if (entry.seq() != index + i + 1) {
                throw new IllegalStateException("audit entry " + (index + i + 1) + " is missing; run 'audit verify'");
            }
            hashes[i] = MerkleHash.leafHash(AuditLeaf.encode(entry));
        }
        if (hashes.length == 0) {
            throw new IllegalStateException("audit entry " + (index + 1) + " is missing; run 'audit verify'");
        }
        pageStart = index;
        page = hashes;
    }
}
