package org.caseshare.sharing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** NHS numbers are checked by modulus 11: any valid number is accepted, and changing any one digit is caught. */
class NhsNumberTests {

    @Provide
    Arbitrary<String> valid() {
        return Arbitraries.strings().numeric().ofLength(9).map(NhsNumberTests::withCheckDigit).filter(s -> s != null);
    }

    /** The check digit computed here from the NHS Data Dictionary's description, not from the class under test. */
    static String withCheckDigit(String nine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += Character.getNumericValue(nine.charAt(i)) * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        return check == 10 ? null : nine + check;
    }

    @Property
    void everyValidNumberIsAcceptedHoweverItIsSpaced(@ForAll("valid") String digits) {
        assertThat(NhsNumber.parse(digits)).hasValueSatisfying(n -> assertThat(n.digits()).isEqualTo(digits));
        String spaced = digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
        assertThat(NhsNumber.parse(spaced).map(NhsNumber::formatted)).hasValue(spaced);
        assertThat(NhsNumber.parse(digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6))).isPresent();
    }

    @Property
    void changingAnyOneDigitIsRefused(@ForAll("valid") String digits, @ForAll @IntRange(min = 0, max = 9) int position,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        char changed = (char) ('0' + (digits.charAt(position) - '0' + shift) % 10);
        String typo = digits.substring(0, position) + changed + digits.substring(position + 1);
        Assume.that(!typo.equals(digits));
        assertThat(NhsNumber.parse(typo)).isEmpty();
    }

    @Test
    void aKnownNumberAndNonNumbers() {
        assertThat(NhsNumber.parse(" 943 476 5919 ")).map(NhsNumber::digits).hasValue("9434765919");
        assertThat(NhsNumber.parse("9434765918")).isEmpty();
        assertThat(NhsNumber.parse("943476591")).isEmpty();
        assertThat(NhsNumber.parse("94347659190")).isEmpty();
        assertThat(NhsNumber.parse("943476591X")).isEmpty();
        assertThat(NhsNumber.parse("")).isEmpty();
        assertThat(NhsNumber.parse(null)).isEmpty();
        // Nine digits whose check would be 10: never issued, so no tenth digit makes it valid.
        assertThat(withCheckDigit("000000006")).isNull();
        for (char last = '0'; last <= '9'; last++) {
            assertThat(NhsNumber.parse("000000006" + last)).isEmpty();
        }
        assertThatThrownBy(() -> new NhsNumber("1234567890")).isInstanceOf(IllegalArgumentException.class);
    }
}
