package org.caseshare.retention;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A deletion certificate as plain text: who deleted how many records of which kinds, when and why,
 * and each record's id and dates. It is built from tombstones only, so it cannot hold personal data.
 */
final class CertificateText {

    private CertificateText() {
    }

    static String render(String organisation, RetentionStore.Certificate certificate, List<RetentionStore.Tombstone> tombstones) {
        StringBuilder text = new StringBuilder();
        text.append("Caseshare deletion certificate\n")
                .append("Certificate: ").append(certificate.id()).append('\n')
                .append("Organisation: ").append(organisation).append('\n')
                .append("Reason: ").append(Deletions.ERASURE.equals(certificate.reason()) ? "erasure on request" : "retention schedule").append('\n')
                .append("Issued: ").append(certificate.issuedAt()).append('\n')
                .append("Approved by account: ").append(certificate.issuedBy() == null ? "automatic deletion under the policy" : certificate.issuedBy()).append('\n')
                .append("Records deleted: ").append(tombstones.size()).append('\n');
        Map<String, Long> byKind = new TreeMap<>(tombstones.stream().collect(Collectors.groupingBy(RetentionStore.Tombstone::kind, Collectors.counting())));
        byKind.forEach((kind, count) -> text.append("  ").append(kind).append(": ").append(count).append('\n'));
        text.append("\nrecord id, kind, channel, marking, created, closed, deleted\n");
        Function<Instant, String> date = at -> at == null ? "" : at.toString();
        for (RetentionStore.Tombstone t : tombstones) {
            text.append(t.recordId()).append(", ").append(t.kind()).append(", ").append(t.channel()).append(", ").append(t.marking())
                    .append(", ").append(date.apply(t.createdAt())).append(", ").append(date.apply(t.closedAt())).append(", ")
                    .append(date.apply(t.deletedAt())).append('\n');
        }
        text.append("\nThe personal data of these records (people, free text, contact details, attachments) was deleted.\n"
                + "What remains is an anonymous tombstone per record for statistics, and the audit trail, which holds identifiers only.\n");
        return text.toString();
    }
}
