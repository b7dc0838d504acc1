package org.caseshare.directory;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** UK telephone numbers as people type them, and which of them are mobiles. */
class TelephoneNumberTests {

    @ParameterizedTest(name = "{0} -> {1} ({2}), shown as {3}")
    @CsvSource(delimiter = '|', textBlock = """
            0118 974 6000        | 01189746000 | GEOGRAPHIC     | 0118 974 6000
            +44 118 974 6000     | 01189746000 | GEOGRAPHIC     | 0118 974 6000
            +44 (0)118 974 6000  | 01189746000 | GEOGRAPHIC     | 0118 974 6000
            0044 118-974-6000    | 01189746000 | GEOGRAPHIC     | 0118 974 6000
            020 7946 0000        | 02079460000 | GEOGRAPHIC     | 020 7946 0000
            0121 496 0000        | 01214960000 | GEOGRAPHIC     | 0121 496 0000
            01632 960000         | 01632960000 | GEOGRAPHIC     | 01632 960000
            07700 900123         | 07700900123 | MOBILE         | 07700 900123
            +447700900123        | 07700900123 | MOBILE         | 07700 900123
            0300 123 4567        | 03001234567 | NON_GEOGRAPHIC | 0300 123 4567
            0800 123 456         | 0800123456  | NON_GEOGRAPHIC | 08001 23456
            """)
    void acceptsUkNumbersWrittenAnyUsualWay(String typed, String digits, TelephoneNumber.LineType type, String display) {
        TelephoneNumber number = TelephoneNumber.parse(typed);
        assertThat(number.digits()).isEqualTo(digits);
        assertThat(number.lineType()).isEqualTo(type);
        assertThat(number.mobile()).isEqualTo(type == TelephoneNumber.LineType.MOBILE);
        assertThat(number.display()).isEqualTo(display);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "12345", "0118 974 60", "0118 974 60000 1", "+1 202 555 0100", "0118 974 600O",
            "0018 974 6000", "tel:01189746000", "0118#9746000"})
    void refusesWhatIsNotAUkNumber(String typed) {
        assertThatThrownBy(() -> TelephoneNumber.parse(typed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("(Enter a|A telephone number|Enter a UK).*");
    }

    @Test
    void aMobileCannotBeASwitchboardAndTheMessageSaysWhy() {
        assertThatThrownBy(() -> new Switchboard(TelephoneNumber.parse("07700 900123"), null))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("07700 900123 is a mobile number").hasMessageContaining("switchboard")
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("telephone");
        assertThat(new Switchboard(TelephoneNumber.parse("0118 974 6000"), " Main reception ").label()).isEqualTo("Main reception");
    }

    @Property
    void spacingAndTheInternationalPrefixNeverChangeTheNumber(@ForAll("landlines") String digits, @ForAll @IntRange(min = 0, max = 3) int style) {
        String typed = switch (style) {
            case 0 -> digits;
            case 1 -> digits.substring(0, 4) + " " + digits.substring(4, 7) + " " + digits.substring(7);
            case 2 -> "+44 " + digits.substring(1);
            default -> "+44 (0)" + digits.substring(1, 4) + "-" + digits.substring(4);
        };
        TelephoneNumber number = TelephoneNumber.parse(typed);
        assertThat(number.digits()).isEqualTo(digits);
        assertThat(TelephoneNumber.parse(number.display())).isEqualTo(number);
        assertThat(number.mobile()).isFalse();
    }

    @Property
    void everyElevenDigitNumberStartingZeroSevenIsAMobile(@ForAll("mobiles") String digits) {
        assertThat(TelephoneNumber.parse(digits).mobile()).isTrue();
        assertThat(TelephoneNumber.parse("+44" + digits.substring(1)).lineType()).isEqualTo(TelephoneNumber.LineType.MOBILE);
    }

    @Provide
    Arbitrary<String> landlines() {
        return Arbitraries.of("01", "02").flatMap(prefix -> Arbitraries.strings().numeric().ofLength(9).map(rest -> prefix + rest));
    }

    @Provide
    Arbitrary<String> mobiles() {
        return Arbitraries.strings().numeric().ofLength(9).map(rest -> "07" + rest);
    }
}
