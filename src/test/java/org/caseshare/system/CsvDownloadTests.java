package org.caseshare.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** A cell a spreadsheet would run as a formula is written as text (OWASP CSV injection). */
class CsvDownloadTests {

    @Test
    void cellsThatStartAFormulaGetALeadingQuote() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(CsvDownload.cell(formula)).as(formula).isEqualTo("'" + formula);
        }
        assertThat(CsvDownload.cell("a=1")).isEqualTo("a=1");
        assertThat(CsvDownload.cell("")).isEmpty();
        assertThat(CsvDownload.cell(null)).isNull();
        assertThat(CsvDownload.cell(42)).isEqualTo("42");
    }

    @Test
    void aDownloadIsAnUncachedAttachmentWithAHeaderRowAndSafeCells() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        try (CsvDownload csv = CsvDownload.start(response, "export.csv", "name", "when")) {
            csv.row("=HYPERLINK(\"http://evil.example\")", Instant.parse("2026-01-02T03:04:05Z"));
        }

        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"export.csv\"; filename*=UTF-8''export.csv");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(response.getContentAsString())).getRecords();
        assertThat(rows.get(0).values()).containsExactly("name", "when");
        assertThat(rows.get(1).values()).containsExactly("'=HYPERLINK(\"http://evil.example\")", "2026-01-02T03:04:05Z");
    }
}
