package org.caseshare.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Invisible characters are refused with a message that says which one and where. */
class PlainTextTests {

    record Form(String reason, @MultiLine String notes, List<String> names) {
    }

    @Test
    void controlAndBidiCharactersAreNamedWithTheirPosition() {
        assertThat(PlainText.problem("Reason", "Because of\u0007 it", false))
                .contains("Reason must not contain the control character U+0007 (at position 11)");
        assertThat(PlainText.problem("Reason", "abc\u202Efdp.exe", false))
                .contains("Reason must not contain the invisible text-direction character U+202E (at position 4)");
        assertThat(PlainText.problem("Reason", "\u0085", false)).hasValueSatisfying(m -> assertThat(m).contains("U+0085"));
        assertThat(PlainText.problem("Reason", "x\u2066y", false)).hasValueSatisfying(m -> assertThat(m).contains("U+2066"));
        assertThat(PlainText.problem("Reason", "\ud83d\ude00\u0000", false)).hasValueSatisfying(m -> assertThat(m).contains("(at position 2)"));
    }

    @Test
    void tabsAndLineBreaksOnlyInMultiLineFields() {
        assertThat(PlainText.problem("Notes", "one\r\ntwo\tthree", true)).isEmpty();
        assertThat(PlainText.problem("Reason", "one\ntwo", false)).contains("Reason must not contain the control character U+000A (at position 4)");
        assertThat(PlainText.problem("Notes", "Zoë’s notes — «ok»", false)).isEmpty();
    }

    @Test
    void aRecordIsCheckedFieldByFieldWithItsMultiLineFieldsMarked() {
        var errors = PlainText.check(new Form("ok\nnot", "fine\nhere", List.of("Alex", "Sam\u202E")));

        assertThat(errors).containsOnlyKeys("reason", "names");
        assertThat(errors.get("names")).startsWith("Names must not contain");
        assertThat(PlainText.label("decisionReasons")).isEqualTo("Decision reasons");
    }

    @Test
    void aPageSaysTheProblemInTheReadersLanguageAndTheEnglishIsTheSame() {
        var texts = PlainText.texts(new Form("ok\u0007", "fine", List.of("Sam\u202E")));

        assertThat(texts).containsOnlyKeys("reason", "names");
        assertThat(texts.get("reason").resolve(Languages.ENGLISH)).isEqualTo("Reason must not contain the control character U+0007 (at position 3)");
        assertThat(texts.get("reason").resolve(Languages.WELSH)).isEqualTo("Ni ddylai’r maes hwn gynnwys y nod rheoli U+0007 (yn safle 3)");
        assertThat(texts.get("names").resolve(Languages.WELSH)).startsWith("Ni ddylai’r maes hwn gynnwys y nod cyfeiriad testun anweledig U+202E");
        assertThat(PlainText.problemText("Name", "x".repeat(1233) + "\uFFFE", false)).hasValueSatisfying(text -> assertThat(text.resolve(Languages.ENGLISH))
                .isEqualTo("Name must not contain the non-character U+FFFE (at position 1234)"));
    }

    @Test
    void halfCharactersNonCharactersAndPilesOfMarksAreRefused() {
        assertThat(PlainText.problem("Name", "Ann\uD800 Example", false))
                .contains("Name contains half of a character (U+D800, an unpaired surrogate, at position 4): type that part again rather than copying it");
        assertThat(PlainText.problem("Name", "Ann\uDC00", false)).hasValueSatisfying(m -> assertThat(m).contains("U+DC00"));
        assertThat(PlainText.problem("Name", "Ann\uFFFE", false)).contains("Name must not contain the non-character U+FFFE (at position 4)");
        assertThat(PlainText.problem("Name", "x\uFDD0", false)).hasValueSatisfying(m -> assertThat(m).contains("U+FDD0"));
        assertThat(PlainText.problem("Name", "x\uD83F\uDFFF", false)).hasValueSatisfying(m -> assertThat(m).contains("U+1FFFF"));
        assertThat(PlainText.problem("Name", "Z" + "\u0301".repeat(11), false))
                .contains("Name has more than 10 accents or marks on one letter (at position 12)");
        assertThat(PlainText.problem("Name", "Z" + "\u0301".repeat(10) + "a" + "\u0301".repeat(10), false)).isEmpty();
        assertThat(PlainText.problem("Name", "Nguyễn \uD83D\uDE00 ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ", false)).isEmpty();
    }

    @Test
    void aRecordIsCopiedInNormalisationFormC() {
        Form decomposed = new Form("Sia\u0302n", "Ll\u0177r", List.of("Łukasz", "Z\u0307o\u0301\u0142c\u0301"));

        Form composed = PlainText.composed(decomposed);

        assertThat(composed).isEqualTo(new Form("Siân", "Llŷr", List.of("Łukasz", "Żółć")));
        Form already = new Form("Siân", null, List.of());
        assertThat(PlainText.composed(already)).isSameAs(already);
    }
}
