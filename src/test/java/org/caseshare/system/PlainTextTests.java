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
}
