package org.caseshare.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class FaxCoverSheetTests {

    static final String MARKING = "OFFICIAL-SENSITIVE [PERSONAL]";
    static final ZonedDateTime SENT = ZonedDateTime.of(2026, 11, 24, 10, 15, 0, 0, ZoneId.of("Europe/London"));
    static final FaxOriginator ORIGINATOR = new FaxOriginator("Sam Okafor", "Wokingham Borough Council", "0118 974 6000");
    static final FaxRecipient RECIPIENT = new FaxRecipient("Dr Helen Marsh", "Royal Berkshire Hospital", "0118 322 5111");
    static final FaxCover COVER = new FaxCover("WBC-2026-0042", SENT, ORIGINATOR, RECIPIENT, 5, MARKING);

    @Test
    void theCoverSheetSaysWhoItIsForAndIsMarkedPrivateAndConfidential() throws Exception {
        byte[] pdf = Pdfs.render(out -> FaxCoverSheet.render(COVER, out));

        assertThat(Pdfs.pages(pdf)).isEqualTo(1);
        String text = Pdfs.folded(Pdfs.text(pdf));
        assertThat(text).contains("Private and Confidential", "For the named recipient only",
                "For the attention of", "Dr Helen Marsh", "Royal Berkshire Hospital", "0118 322 5111",
                "From", "Sam Okafor", "Wokingham Borough Council", "0118 974 6000",
                "Reference WBC-2026-0042", "Tuesday 24 November 2026, 10:15 GMT",
                "Number of pages 5, including this cover sheet", "Page 1 of 5",
                "If you receive this in error, telephone the sender at once and destroy it.",
                "to confirm that all 5 pages have arrived");
        Pdfs.screenshot(pdf, 1, "fax-cover-sheet");
    }

    @Test
    void theProtectiveMarkingIsAtTheTopAndTheBottom() throws Exception {
        byte[] pdf = Pdfs.render(out -> FaxCoverSheet.render(COVER, out));

        List<String> lines = Arrays.stream(Pdfs.text(pdf).split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
        assertThat(lines.get(0)).isEqualTo(MARKING);
        assertThat(lines.get(lines.size() - 1)).isEqualTo(MARKING);
    }

    @Test
    void oddCharactersAndLongestNamesNeverStopTheSheetPrinting() throws Exception {
        String longest = "W".repeat(Addressee.MAX_LENGTH);
        FaxCover odd = new FaxCover("X", SENT, new FaxOriginator("Zo\u00eb \u015c \u202Eevil", longest, "+44 (0)118 974 6000"),
                new FaxRecipient(longest, "\u05d1\u05d9\u05ea \u0000 Trust", "01189746000"), FaxCover.MAX_PAGES, "OFFICIAL \u2013 \u0174");

        byte[] pdf = Pdfs.render(out -> FaxCoverSheet.render(odd, out));

        String text = Pdfs.folded(Pdfs.text(pdf));
        assertThat(text).contains("Zo\u00eb \u015c evil", "Trust", "OFFICIAL \u2013 \u0174", "Page 1 of 500")
                .doesNotContain("\u202E");
        assertThat(text.replace(" ", "")).contains(longest + "Organisation");
        Pdfs.screenshot(pdf, 1, "fax-cover-sheet-odd");
    }

    @Test
    void theCoverRefusesWhatWouldMakeItMisleading() {
        assertThatThrownBy(() -> new FaxCover("WBC-1", SENT, ORIGINATOR, RECIPIENT, 1, MARKING))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pages");
        assertThatThrownBy(() -> new FaxCover("WBC 1", SENT, ORIGINATOR, RECIPIENT, 2, MARKING))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference");
        assertThatThrownBy(() -> new FaxCover("WBC-1", SENT, ORIGINATOR, RECIPIENT, 2, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("marking");
        assertThatThrownBy(() -> new FaxRecipient("A", "B", "call me"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fax number");
        assertThatThrownBy(() -> new FaxOriginator("A", "B", "123"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("telephone");
    }
}
