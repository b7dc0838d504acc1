package org.caseshare.audit;

import java.util.ArrayList;
import java.util.List;

import org.caseshare.crypto.AuditVerifyingKey;

/**
 * Finds, within the ranges failed checkpoints point at, the entries whose own signature no longer
 * matches them, and says so in a few lines: the first few by sequence number, then how many more.
 */
final class ChangedEntries {

    static final int NAMED = 3;

    private ChangedEntries() {
    }

    /** A stretch of entries, first to last inclusive, that a failed checkpoint covers. */
    record Range(long first, long last) {
    }

    static List<String> find(AuditEntries entries, AuditVerifyingKey key, List<Range> ranges) {
        List<Long> changed = new ArrayList<>();
        List<Long> unsigned = new ArrayList<>();
        Long firstSigned = ranges.isEmpty() ? null : entries.firstSigned();
        long checkedUpTo = 0;
        for (Range range : ranges) {
            long after = Math.max(range.first() - 1, checkedUpTo);
            while (after < range.last()) {
                List<AuditEntries.Signed> page = entries.signedAfter(after, (int) Math.min(AuditEntries.PAGE, range.last() - after));
                if (page.isEmpty()) {
                    break;
                }
                for (AuditEntries.Signed signed : page) {
                    if (signed.signature() == null) {
                        if (firstSigned != null && signed.entry().seq() > firstSigned) {
                            unsigned.add(signed.entry().seq());
                        }
                    } else if (!EntrySignatures.verify(key, signed.entry(), signed.signature())) {
                        changed.add(signed.entry().seq());
                    }
                }
                after = page.get(page.size() - 1).entry().seq();
            }
            checkedUpTo = Math.max(checkedUpTo, range.last());
        }
        List<String> lines = new ArrayList<>();
        describe(changed, "was changed after it was written: its signature does not match it",
                "more entries were changed after they were written", lines);
        describe(unsigned, "has lost its signature", "more entries have lost their signatures", lines);
        return lines;
    }

    private static void describe(List<Long> seqs, String one, String more, List<String> lines) {
        for (int i = 0; i < Math.min(NAMED, seqs.size()); i++) {
            lines.add("entry " + seqs.get(i) + " " + one);
        }
        if (seqs.size() > NAMED) {
            lines.add((seqs.size() - NAMED) + " " + more + ", up to entry " + seqs.get(seqs.size() - 1));
        }
    }
}
