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

    @Test
    void textsThatSayTheSameThingAreEqual() {
        // A notice carried in the flash map is compared with another (the same answer for a new and a known address).
        assertThat(Text.of("identity.notice", "a", 72)).isEqualTo(Text.of("identity.notice", "a", 72))
                .hasSameHashCodeAs(Text.of("identity.notice", "a", 72))
                .isNotEqualTo(Text.of("identity.notice", "b", 72))
                .isNotEqualTo(Text.literal("identity.notice"));
    }
}
