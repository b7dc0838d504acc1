package org.caseshare.directory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** UK postcodes: every valid shape, in standard form; anything else refused with a GOV.UK message. */
class PostcodeTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            RG40 1BN  | RG40 1BN
            rg401bn   | RG40 1BN
            M1 1AE    | M1 1AE
            B33 8TH   | B33 8TH
            CR2 6XH   | CR2 6XH
            DN55 1PT  | DN55 1PT
            W1A 0AX   | W1A 0AX
            EC1A 1BB  | EC1A 1BB
            ' sw1a  2aa ' | SW1A 2AA
            GIR 0AA   | GIR 0AA
            """)
    void normalisesRealPostcodes(String typed, String expected) {
        assertThat(Postcode.parse(typed).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RG40", "RG40 1B", "1RG 1BN", "RG40 BN1", "RG401BNX", "RG40-1BN", "ZZZZ 1AA", "Reading", "SW1A 2AAA"})
    void refusesWhatIsNotAPostcode(String typed) {
        assertThatThrownBy(() -> Postcode.parse(typed)).hasMessage("Enter a real postcode, like RG40 1BN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void asksForAMissingPostcode(String typed) {
        assertThatThrownBy(() -> Postcode.parse(typed)).hasMessage("Enter a postcode");
    }
}
