package org.caseshare.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Words already written (a parser's message, something typed) are shown exactly, apostrophes and braces included. */
class TextLiteralTests {

    @Test
    void aLiteralIsShownExactlyInEveryLanguage() {
        Text literal = Text.literal("unknown channel 'pigeon' at {0}");
        assertThat(literal.resolve()).isEqualTo("unknown channel 'pigeon' at {0}");
        assertThat(literal.resolve(Languages.WELSH)).isEqualTo("unknown channel 'pigeon' at {0}");
        assertThat(literal).hasToString("unknown channel 'pigeon' at {0}");
    }
}
