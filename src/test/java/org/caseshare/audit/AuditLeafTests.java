package org.caseshare.audit;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The leaf encoding is a published format: these bytes must never change for version 1. */
class AuditLeafTests {

    private static final AuditEntry ENTRY = new AuditEntry(258, Instant.parse("2025-01-01T00:00:00.000001Z"), "ab",
            UUID.fromString("00000000-0000-0000-0000-000000000001"), "x.y", "t:1", "SUCCESS", null, "{}");

    @Test
    void version1EncodesEveryFieldLengthPrefixedInAFixedOrder() {
        String hex = HexFormat.of().formatHex(AuditLeaf.encode(ENTRY));

        assertThat(hex).isEqualTo("01"
                + "0000000000000102"                                    // seq 258
                + "00062a99ba0c6001"                                    // 1735689600000001 microseconds
                + "00000002" + "6162"                                   // actor "ab"
                + "00000024" + HexFormat.of().formatHex("00000000-0000-0000-0000-000000000001".getBytes())
                + "00000003" + "782e79"                                 // action "x.y"
                + "00000003" + "743a31"                                 // target "t:1"
                + "00000007" + HexFormat.of().formatHex("SUCCESS".getBytes())
                + "ffffffff"                                            // client address NULL
                + "00000002" + "7b7d");                                 // details "{}"
    }

    @Test
    void nullAndEmptyAndShiftedBoundariesEncodeDifferently() {
        AuditEntry empty = new AuditEntry(1, Instant.EPOCH, "", null, "a", null, "SUCCESS", null, null);
        AuditEntry absent = new AuditEntry(1, Instant.EPOCH, null, null, "a", null, "SUCCESS", null, null);
        AuditEntry joined = new AuditEntry(1, Instant.EPOCH, "ab", null, "c", null, "SUCCESS", null, null);
        AuditEntry shifted = new AuditEntry(1, Instant.EPOCH, "a", null, "bc", null, "SUCCESS", null, null);

        assertThat(AuditLeaf.encode(empty)).isNotEqualTo(AuditLeaf.encode(absent));
        assertThat(AuditLeaf.encode(joined)).isNotEqualTo(AuditLeaf.encode(shifted));
    }
}
