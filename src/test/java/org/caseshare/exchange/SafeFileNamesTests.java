package org.caseshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A hub file keeps its name when it is downloaded, unless Windows could not save it under that name. */
class SafeFileNamesTests {

    @Test
    void windowsDeviceNamesAndTrailingDotsAreRenamed() {
        assertThat(SafeFileNames.neutralise("NUL.txt")).isEqualTo("_NUL.txt");
        assertThat(SafeFileNames.neutralise("lpt9.PDF")).isEqualTo("_lpt9.PDF");
        assertThat(SafeFileNames.neutralise("folder/con")).isEqualTo("_con");
        assertThat(SafeFileNames.neutralise("report. .")).isEqualTo("report");
        assertThat(SafeFileNames.neutralise("Zoë’s report.pdf")).isEqualTo("Zoë’s report.pdf");
    }
}
