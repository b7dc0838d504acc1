package org.caseshare.audit;

import java.util.ArrayList;
import java.util.List;

import org.caseshare.audit.AuditEntries.SealedEntry;
import org.caseshare.system.Text;

/**
 * Finds, within the ranges that need it (those failed checkpoints point at, and those no checkpoint
 * covers yet), the entries that no longer match the seal they were written with, and says so in a
 * few lines: the first few by sequence number, then how many more. Entries a good checkpoint covers
 * were checked against their seals when the sequencer took them (ADR 0012).
 */
final class ChangedEntries {

    static final int NAMED = 3;

    private ChangedEntries() {
    }

    /** A stretch of entries, first to last inclusive. */
    record Range(long first, long last) {
    }

    static List<Text> find(AuditEntries entries, AuditSeals seals, List<Range> ranges) {
        List<Long> changed = new ArrayList<>();
        List<Long> unsealed = new ArrayList<>();
        Long firstSealed = ranges.isEmpty() ? null : entries.firstSealed();
        long checkedUpTo = 0;
        for (Range range : ranges) {
            long after = Math.max(range.first() - 1, checkedUpTo);
            while (after < range.last()) {
                List<SealedEntry> page = entries.sealedAfter(after, (int) Math.min(AuditEntries.PAGE, range.last() - after));
                if (page.isEmpty()) {
                    break;
                }
                for (SealedEntry sealed : page) {
                    if (sealed.seal() == null) {
                        if (firstSealed != null && sealed.entry().seq() > firstSealed) {
                            unsealed.add(sealed.entry().seq());
                        }
                    } else if (sealed.pendingId() == null || !seals.matches(sealed.asWritten(), sealed.seal())) {
                        changed.add(sealed.entry().seq());
                    }
                }
                after = page.get(page.size() - 1).entry().seq();
            }
            checkedUpTo = Math.max(checkedUpTo, range.last());
        }
        List<Text> lines = new ArrayList<>();
        describe(changed, "audit.finding.changed", lines);
        describe(unsealed, "audit.finding.unsealed", lines);
        return lines;
    }

    /** The first few entries by number ({@code code}), then how many more ({@code code}{@code -more}). */
    private static void describe(List<Long> seqs, String code, List<Text> lines) {
        for (int i = 0; i < Math.min(NAMED, seqs.size()); i++) {
            lines.add(Text.of(code, String.valueOf(seqs.get(i))));
        }
        if (seqs.size() > NAMED) {
            lines.add(Text.of(code + "-more", String.valueOf(seqs.size() - NAMED), String.valueOf(seqs.get(seqs.size() - 1))));
        }
    }
}
