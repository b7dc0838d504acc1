package org.caseshare.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ReceivingFaxChecklistTests {

    @Test
    void theChecklistQuotesTheGuidesReceivingFaxSafeguardsWordForWord() throws Exception {
        String guide = guide();
        assertThat(ReceivingFaxChecklist.SAFEGUARDS).hasSize(2).allSatisfy(quote -> assertThat(guide).contains(quote));
        assertThat(guide).contains(ReceivingFaxChecklist.ACKNOWLEDGE);

        byte[] pdf = Pdfs.render(ReceivingFaxChecklist::render);

        String text = Pdfs.folded(Pdfs.text(pdf));
        assertThat(text).startsWith(ReceivingFaxChecklist.TITLE);
        assertThat(ReceivingFaxChecklist.SAFEGUARDS).allSatisfy(quote -> assertThat(text).contains(quote));
        assertThat(text).contains(ReceivingFaxChecklist.ACKNOWLEDGE, "Pages received", "Received by");
        Pdfs.screenshot(pdf, 1, "receiving-fax-checklist");
    }

    /** The guide as the policy tests read it, with its line breaks and bold markers folded away. */
    private static String guide() throws Exception {
        try (InputStream in = ReceivingFaxChecklistTests.class.getResourceAsStream("/guide/sharing-personal-information-securely.txt")) {
            return Pdfs.folded(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("**", ""));
        }
    }
}
