package org.caseshare.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.caseshare.support.NameCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Every printed document is checked by veraPDF, a validator that shares no code with PDFBox, as
 * PDF/UA-1 (tagged, in reading order, titled, its language said: what a screen reader needs) and
 * PDF/A-2u (self-contained, every character's Unicode recoverable: what an archive needs), with names
 * of the corpus in every script the fonts cover.
 */
class PdfStandardsTests {

    @BeforeAll
    static void veraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    static Stream<Arguments> documents() throws Exception {
        List<Arguments> documents = new ArrayList<>();
        documents.add(Arguments.of("record summary", Pdfs.render(out -> RecordSummaryDocument.render(RecordSummaryDocumentTests.SUMMARY, out))));
        documents.add(Arguments.of("record summary over pages", Pdfs.render(out -> RecordSummaryDocument.render(longSummary(), out))));
        documents.add(Arguments.of("fax cover sheet", Pdfs.render(out -> FaxCoverSheet.render(FaxCoverSheetTests.COVER, out))));
        documents.add(Arguments.of("receiving fax checklist", Pdfs.render(ReceivingFaxChecklist::render)));
        for (LabelFormat format : LabelFormat.values()) {
            documents.add(Arguments.of("envelope labels " + format, Pdfs.render(out -> EnvelopeLabels.render(
                    EnvelopeLabelsTests.RECIPIENT, EnvelopeLabelsTests.SENDER, format, out))));
        }
        // The same documents in Welsh, and in Welsh and English, whose English words are marked as English.
        for (DocumentLanguage language : List.of(DocumentLanguage.WELSH, DocumentLanguage.BOTH)) {
            String in = " in " + language.name().toLowerCase(java.util.Locale.ROOT);
            documents.add(Arguments.of("record summary" + in, Pdfs.render(out -> RecordSummaryDocument.render(WelshDocumentsTests.summary(), language, out))));
            documents.add(Arguments.of("record summary over pages" + in, Pdfs.render(out -> RecordSummaryDocument.render(longSummary(), language, out))));
            documents.add(Arguments.of("fax cover sheet" + in, Pdfs.render(out -> FaxCoverSheet.render(FaxCoverSheetTests.COVER, language, out))));
            documents.add(Arguments.of("receiving fax checklist" + in, Pdfs.render(out -> ReceivingFaxChecklist.render(language, out))));
            for (LabelFormat format : LabelFormat.values()) {
                documents.add(Arguments.of("envelope labels " + format + in, Pdfs.render(out -> EnvelopeLabels.render(
                        EnvelopeLabelsTests.RECIPIENT, EnvelopeLabelsTests.SENDER, format, language, out))));
            }
        }
        return documents.stream();
    }

    /** Names of every script, in a subject access response long enough to run over pages. */
    private static RecordSummary longSummary() {
        List<RecordSummary.Field> fields = new ArrayList<>();
        for (NameCorpus.Entry entry : NameCorpus.ENTRIES) {
            fields.add(new RecordSummary.Field("Subject", entry.name() + ", " + entry.addressLine()));
        }
        fields.add(new RecordSummary.Field("Chronology", "A long entry that runs on. ".repeat(400)));
        return new RecordSummary("Disclosures about Siân Llŷr", "OFFICIAL-SENSITIVE", fields);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void isPdfUa1(String name, byte[] pdf) throws Exception {
        assertThat(failures(pdf, PDFAFlavour.PDFUA_1)).as("PDF/UA-1 failures of the %s", name).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void isPdfA2u(String name, byte[] pdf) throws Exception {
        assertThat(failures(pdf, PDFAFlavour.PDFA_2_U)).as("PDF/A-2u failures of the %s", name).isEmpty();
    }

    private static List<String> failures(byte[] pdf, PDFAFlavour flavour) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
            ValidationResult result = validator.validate(parser);
            List<String> failed = result.getTestAssertions().stream()
                    .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
                    .map(assertion -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + " "
                            + assertion.getMessage() + " at " + assertion.getLocation().getContext())
                    .distinct().collect(Collectors.toList());
            if (failed.isEmpty()) {
                assertThat(result.isCompliant()).as("veraPDF's verdict").isTrue();
            }
            return failed;
        }
    }
}
