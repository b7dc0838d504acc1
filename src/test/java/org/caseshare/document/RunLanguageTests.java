package org.caseshare.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class RunLanguageTests {

    @Test
    void aRunInAnotherScriptIsTaggedWithItsScriptNotAGuessedLanguage() {
        assertThat(RunLanguage.of("محمد الأحمد")).isEqualTo("und-Arab");
        assertThat(RunLanguage.of("তানভীর")).isEqualTo("und-Beng");
        assertThat(RunLanguage.of("Стефан")).isEqualTo("und-Cyrl");
        assertThat(RunLanguage.of("王秀英")).isEqualTo("und-Hani");
        assertThat(RunLanguage.of("12 ਸਿੰਘ")).as("digits and spaces are no script").isEqualTo("und-Guru");
    }

    @Test
    void theRunIsMarkedWithItsLanguageOnThePage() throws Exception {
        FaxCover cover = new FaxCover("CS-2026-00021", FaxCoverSheetTests.SENT, FaxCoverSheetTests.ORIGINATOR,
                new FaxRecipient("محمد الأحمد", "Ysbyty Bronglais", "01970 623131"), 2, "OFFICIAL");
        byte[] pdf = Pdfs.render(out -> FaxCoverSheet.render(cover, out));

        try (PDDocument document = Loader.loadPDF(pdf); InputStream page = document.getPage(0).getContents()) {
            assertThat(new String(page.readAllBytes(), StandardCharsets.ISO_8859_1)).contains("/Span <</Lang (und-Arab)");
        }
    }

    @Test
    void latinAndScriptlessRunsStayInTheDocumentsLanguage() {
        assertThat(RunLanguage.of("Siân Llŷr")).isNull();
        assertThat(RunLanguage.of("Nguyễn Thị Minh Khai")).isNull();
        assertThat(RunLanguage.of("12, ")).isNull();
    }
}
